import { AGE_GROUPS, CONTACT_TOPICS, GENDERS } from '../../domain/contact';
import { newId } from '../../domain/ids';
import type { DemoClock } from './demoClock';
import type { DemoPlaces } from './demoPlaces';
import type { DemoWrite } from './demoWrite';

/**
 * Past months of ordinary work, so the statistics screen shows something real right after
 * `npm start`: visits every few days over the last 100 days, each with anonymous contacts
 * (age group, gender, topics). Anonymous only, so no citizen's timeline changes. The same
 * numbers every time (a fixed pseudo-random sequence), only the dates follow today.
 */
export function demoActivity(clock: DemoClock, p: DemoPlaces): DemoWrite[] {
  let state = 20_260_701;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const rounds: { user: DemoWrite['user']; location: string; start: string; end: string }[] = [
    { user: 'mette', location: p.hoejstrup, start: '10:00', end: '13:00' },
    { user: 'anders', location: p.gadeplan, start: '14:00', end: '16:00' },
    { user: 'mette', location: p.herberg, start: '09:00', end: '11:00' },
    { user: 'sara', location: p.nordlyset, start: '10:00', end: '12:00' },
  ];
  const writes: DemoWrite[] = [];
  for (let day = -100, i = 0; day <= -9; day += 3, i++) {
    const round = rounds[i % rounds.length]!;
    const visitId = newId();
    writes.push({
      user: round.user,
      entity: 'visit',
      id: visitId,
      fields: {
        locationId: round.location,
        userId: round.user,
        startedAt: clock.at(day, round.start),
        endedAt: clock.at(day, round.end),
        summary: '',
      },
    });
    const contacts = 3 + Math.floor(random() * 9);
    for (let c = 0; c < contacts; c++) {
      const topics = new Set([
        pick(CONTACT_TOPICS),
        ...(random() < 0.4 ? [pick(CONTACT_TOPICS)] : []),
      ]);
      writes.push({
        user: round.user,
        entity: 'contact',
        id: newId(),
        fields: {
          visitId,
          locationId: round.location,
          at: clock.at(day, `${round.start.slice(0, 2)}:${String(5 + c * 4).padStart(2, '0')}`),
          kind: 'anonymous',
          ageGroup: pick(AGE_GROUPS.slice(1)),
          gender: pick(GENDERS.slice(0, 2)),
          topics: [...topics],
        },
      });
    }
  }
  return writes;
}
