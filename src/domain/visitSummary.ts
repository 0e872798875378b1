import { CONTACT_TOPICS, type Contact, type ContactTopic } from './contact';
import type { Visit } from './visit';

export interface VisitSummary {
  total: number;
  named: number;
  anonymous: number;
  /** Topics that came up, most frequent first (ties in the catalog's order), with counts. */
  topics: { topic: ContactTopic; count: number }[];
  /** Whole minutes from start to end (or to `now` while the visit is open); never negative. */
  minutes: number;
}

/** What a visit amounted to: contacts named and anonymous, topics and duration. */
export function summarizeVisit(
  visit: Pick<Visit, 'startedAt' | 'endedAt'>,
  contacts: readonly Pick<Contact, 'kind' | 'topics'>[],
  now: string,
): VisitSummary {
  const named = contacts.filter((c) => c.kind === 'named').length;
  const counts = new Map<ContactTopic, number>();
  for (const c of contacts) for (const t of c.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  const topics = CONTACT_TOPICS.flatMap((topic) => {
    const count = counts.get(topic) ?? 0;
    return count > 0 ? [{ topic, count }] : [];
  }).sort((a, b) => b.count - a.count);
  const end = Date.parse(visit.endedAt ?? now);
  const minutes = Math.max(0, Math.floor((end - Date.parse(visit.startedAt)) / 60_000));
  return { total: contacts.length, named, anonymous: contacts.length - named, topics, minutes };
}
