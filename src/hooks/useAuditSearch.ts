import { useEffect, useRef } from 'react';
import { db, type FremskudtDb } from '../db/database';
import type { EntityName } from '../domain';
import { recordAuditInBackground } from './recordAuditInBackground';

/** How long typing must pause before a search term counts as the one the caseworker settled on. */
export const SEARCH_SETTLE_MS = 1_500;

/**
 * Records a `search` audit event with the term, once the caseworker stops typing for
 * `settleMs` — not every keystroke. A term still pending when the screen closes (they clicked a
 * result at once) is recorded then, since its results were seen. The same term is not recorded
 * twice in a row; clearing the field starts afresh. Works offline.
 */
export function useAuditSearch(
  term: string,
  entity?: EntityName,
  settleMs: number = SEARCH_SETTLE_MS,
): void {
  const pending = useRef<string | null>(null);
  const lastRecorded = useRef<string | null>(null);
  const entityRef = useRef(entity);

  useEffect(() => {
    entityRef.current = entity;
  }, [entity]);

  useEffect(() => {
    const settled = term.trim();
    if (settled === '') {
      pending.current = null;
      lastRecorded.current = null;
      return;
    }
    pending.current = settled;
    const timer = setTimeout(() => flush(pending, lastRecorded, entityRef.current), settleMs);
    return () => clearTimeout(timer);
  }, [term, settleMs]);

  useEffect(() => {
    // Refs are read when the screen closes, on purpose: the latest pending term is the one wanted.
    const refs = { pending, lastRecorded, entityRef };
    // The store this screen was opened on: a lock unmounts the screen after switching `db` away,
    // and the term typed just before must still reach this user's audit queue.
    const database = db;
    return () => flush(refs.pending, refs.lastRecorded, refs.entityRef.current, database);
  }, []);
}

function flush(
  pending: { current: string | null },
  lastRecorded: { current: string | null },
  entity: EntityName | undefined,
  database?: FremskudtDb,
): void {
  const term = pending.current;
  pending.current = null;
  if (term === null || term === lastRecorded.current) return;
  lastRecorded.current = term;
  recordAuditInBackground({ action: 'search', term, ...(entity ? { entity } : {}) }, database);
}
