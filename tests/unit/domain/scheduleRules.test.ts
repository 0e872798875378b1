import { describe, expect, it } from 'vitest';
import {
  followUpState,
  isoWeekday,
  isWithinSlot,
  slotsOnDate,
} from '../../../src/domain/scheduleRules';

const slot = (weekday: number, startTime: string, extra: Record<string, string> = {}) => ({
  weekday,
  startTime,
  endTime: '23:00',
  ...extra,
});

describe('the weekly outreach schedule', () => {
  it('knows ISO weekdays, Monday first', () => {
    expect(isoWeekday('2026-11-23')).toBe(1); // Monday
    expect(isoWeekday('2026-11-24')).toBe(2); // Tuesday
    expect(isoWeekday('2026-11-29')).toBe(7); // Sunday
  });

  it('shows only the slots of the weekday, earliest first', () => {
    const slots = [slot(2, '13:00'), slot(3, '09:00'), slot(2, '09:30')];
    expect(slotsOnDate(slots, '2026-11-24').map((s) => s.startTime)).toEqual(['09:30', '13:00']);
  });

  it('leaves out slots outside their validity period', () => {
    const slots = [
      slot(2, '09:00', { validFrom: '2026-12-01' }),
      slot(2, '10:00', { validTo: '2026-11-01' }),
      slot(2, '11:00', { validFrom: '2026-11-01', validTo: '2026-11-30' }),
    ];
    expect(slotsOnDate(slots, '2026-11-24').map((s) => s.startTime)).toEqual(['11:00']);
  });

  it('tells whether a time lies within a slot, end excluded', () => {
    const s = { startTime: '10:00', endTime: '13:00' };
    expect(isWithinSlot(s, '10:00')).toBe(true);
    expect(isWithinSlot(s, '12:59')).toBe(true);
    expect(isWithinSlot(s, '13:00')).toBe(false);
  });
});

describe('follow-up state', () => {
  const today = '2026-11-24';
  it('marks an open follow-up past its due date as overdue', () => {
    expect(followUpState({ dueOn: '2026-11-20' }, today)).toBe('overdue');
  });
  it('marks one due today as due today and a later one as upcoming', () => {
    expect(followUpState({ dueOn: today }, today)).toBe('due-today');
    expect(followUpState({ dueOn: '2026-12-01' }, today)).toBe('upcoming');
  });
  it('never calls a done follow-up overdue', () => {
    expect(followUpState({ dueOn: '2026-11-01', doneAt: '2026-11-02T10:00:00Z' }, today)).toBe(
      'done',
    );
  });
});
