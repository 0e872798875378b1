import { describe, expect, it } from 'vitest';
import { summarizeVisit, type Contact } from '../../src/domain';

const anon = (topics: Contact['topics']) => ({ kind: 'anonymous' as const, topics });
const named = (topics: Contact['topics'] = []) => ({ kind: 'named' as const, topics });

describe('summarizeVisit', () => {
  const visit = { startedAt: '2026-12-01T09:00:00.000Z', endedAt: '2026-12-01T11:35:59.000Z' };

  it('counts named and anonymous contacts and the minutes from start to end', () => {
    const s = summarizeVisit(visit, [anon([]), named(), anon([])], '2026-12-09T00:00:00.000Z');
    expect(s).toMatchObject({ total: 3, named: 1, anonymous: 2, minutes: 155 });
  });

  it('lists topics most frequent first, ties in the catalog order', () => {
    const s = summarizeVisit(
      visit,
      [anon(['sundhed', 'bolig']), anon(['sundhed']), named(['misbrug', 'bolig'])],
      visit.endedAt,
    );
    expect(s.topics).toEqual([
      { topic: 'bolig', count: 2 },
      { topic: 'sundhed', count: 2 },
      { topic: 'misbrug', count: 1 },
    ]);
  });

  it('measures an open visit up to now, and never below zero', () => {
    const open = { startedAt: '2026-12-01T09:00:00.000Z' };
    expect(summarizeVisit(open, [], '2026-12-01T09:42:10.000Z').minutes).toBe(42);
    expect(summarizeVisit(open, [], '2026-12-01T08:00:00.000Z').minutes).toBe(0);
    expect(summarizeVisit(open, [], '2026-12-01T09:42:10.000Z').total).toBe(0);
  });
});
