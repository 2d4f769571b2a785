import { DomainError } from '../../../src/domain/model/errors';
import {
  dueSlotStart,
  hoursAfterSync,
  isDue,
  isValidTimeZone,
  latestSlotStart,
  localDateOf,
  nextRun,
  shouldWarnAfterSync,
  slotStartOn,
  upcomingSlotStart,
  validateSlot,
  validateTaskSlot,
  validateTimeZone,
  type TimeSlot,
} from '../../../src/domain/policy/timeSlot';

const at = (iso: string): Date => new Date(iso);
const berlin = (hour: number): TimeSlot => ({ hour, timeZone: 'Europe/Berlin' });
const newYork = (hour: number): TimeSlot => ({ hour, timeZone: 'America/New_York' });
const lordHowe = (hour: number): TimeSlot => ({ hour, timeZone: 'Australia/Lord_Howe' });

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return undefined;
};

/** Runs the ticks in order, feeding each run's start back as lastRunAt; returns the ticks that fired. */
const fire = (slot: TimeSlot, ticks: readonly string[], lastRunAt: Date | null = null): string[] => {
  const fired: string[] = [];
  let last = lastRunAt;
  for (const tick of ticks) {
    if (isDue(slot, at(tick), last)) {
      fired.push(tick);
      last = at(tick);
    }
  }
  return fired;
};

describe('S4 slot validation', () => {
  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'UTC', 'Etc/GMT+5'])('accepts %s', (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
    expect(validateTimeZone(tz)).toBe(tz);
  });

  it.each(['Mars/Olympus_Mons', '+01:00', '', 'Europe/Berlin; drop', 'x'.repeat(80)])('rejects time zone %j', (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
    expect(codeOf(() => validateTimeZone(tz))).toBe('TIME_SLOT_INVALID');
  });

  it.each([-1, 24, 2.5, Number.NaN])('rejects hour %p', (hour) => {
    expect(codeOf(() => validateSlot(berlin(hour)))).toBe('TIME_SLOT_INVALID');
    expect(codeOf(() => isDue(berlin(hour), at('2025-06-15T12:00:00Z'), null))).toBe('TIME_SLOT_INVALID');
  });

  it.each([-1, 7, 1.5])('rejects weekday %p', (weekday) => {
    expect(codeOf(() => validateSlot({ ...berlin(3), weekday }))).toBe('TIME_SLOT_INVALID');
  });

  it('rejects an unknown zone in every schedule function instead of computing with it', () => {
    const slot = { hour: 3, timeZone: 'Nowhere/Special' };
    const now = at('2025-06-15T12:00:00Z');
    expect(codeOf(() => nextRun(slot, now))).toBe('TIME_SLOT_INVALID');
    expect(codeOf(() => latestSlotStart(slot, now))).toBe('TIME_SLOT_INVALID');
    expect(codeOf(() => localDateOf(now, slot.timeZone))).toBe('TIME_SLOT_INVALID');
  });

  it('returns a valid slot unchanged, weekday included', () => {
    const slot = { hour: 0, timeZone: 'UTC', weekday: 6 };
    expect(validateSlot(slot)).toBe(slot);
  });
});

describe('S4 slot start on a local day', () => {
  it('is the local hour in winter and in summer', () => {
    expect(slotStartOn(berlin(3), { year: 2025, month: 1, day: 15 })).toEqual(at('2025-01-15T02:00:00Z'));
    expect(slotStartOn(berlin(3), { year: 2025, month: 7, day: 15 })).toEqual(at('2025-07-15T01:00:00Z'));
  });

  it('starts a skipped hour when the clock jumps (Berlin spring forward, 02:00 → 03:00)', () => {
    const day = { year: 2025, month: 3, day: 30 };
    expect(slotStartOn(berlin(2), day)).toEqual(at('2025-03-30T01:00:00Z'));
    expect(slotStartOn(berlin(3), day)).toEqual(at('2025-03-30T01:00:00Z'));
    expect(slotStartOn(berlin(1), day)).toEqual(at('2025-03-30T00:00:00Z'));
  });

  it('starts a repeated hour at its first occurrence (fall back)', () => {
    expect(slotStartOn(berlin(2), { year: 2025, month: 10, day: 26 })).toEqual(at('2025-10-26T00:00:00Z'));
    expect(slotStartOn(newYork(1), { year: 2025, month: 11, day: 2 })).toEqual(at('2025-11-02T05:00:00Z'));
  });

  it("follows Lord Howe's 30-minute shifts", () => {
    expect(slotStartOn(lordHowe(2), { year: 2025, month: 10, day: 5 })).toEqual(at('2025-10-04T15:30:00Z'));
    expect(slotStartOn(lordHowe(1), { year: 2025, month: 10, day: 5 })).toEqual(at('2025-10-04T14:30:00Z'));
    expect(slotStartOn(lordHowe(1), { year: 2025, month: 4, day: 6 })).toEqual(at('2025-04-05T14:00:00Z'));
    expect(slotStartOn(lordHowe(2), { year: 2025, month: 4, day: 6 })).toEqual(at('2025-04-05T15:30:00Z'));
  });

  it('starts every hour of a two-hour jump when the clock lands (Antarctica/Troll, 01:00 → 03:00)', () => {
    const troll = (hour: number): TimeSlot => ({ hour, timeZone: 'Antarctica/Troll' });
    const day = { year: 2025, month: 3, day: 30 };
    expect(slotStartOn(troll(1), day)).toEqual(at('2025-03-30T01:00:00Z'));
    expect(slotStartOn(troll(2), day)).toEqual(at('2025-03-30T01:00:00Z'));
    expect(slotStartOn(troll(1), { year: 2025, month: 10, day: 26 })).toEqual(at('2025-10-25T23:00:00Z'));
  });

  it('gives the local calendar day of an instant', () => {
    expect(localDateOf(at('2025-10-04T15:30:00Z'), 'Australia/Lord_Howe')).toEqual({ year: 2025, month: 10, day: 5 });
    expect(localDateOf(at('2026-01-01T04:59:00Z'), 'America/New_York')).toEqual({ year: 2025, month: 12, day: 31 });
  });
});

describe('S4 latest slot start', () => {
  it("is yesterday's slot before today's hour and today's from the hour on", () => {
    expect(latestSlotStart(berlin(3), at('2025-06-15T00:59:59Z'))).toEqual(at('2025-06-14T01:00:00Z'));
    expect(latestSlotStart(berlin(3), at('2025-06-15T01:00:00Z'))).toEqual(at('2025-06-15T01:00:00Z'));
  });

  it('finds the last chosen weekday for a weekly slot', () => {
    const mondays = { ...berlin(3), weekday: 1 };
    expect(latestSlotStart(mondays, at('2025-06-18T12:00:00Z'))).toEqual(at('2025-06-16T01:00:00Z'));
    expect(latestSlotStart(mondays, at('2025-06-16T00:30:00Z'))).toEqual(at('2025-06-09T01:00:00Z'));
  });
});

describe('S4 due rule for the hourly trigger', () => {
  it('fires on the first tick inside the slot hour and not before', () => {
    expect(fire(berlin(3), ['2025-06-15T00:17:00Z', '2025-06-15T01:17:00Z', '2025-06-15T02:17:00Z'])).toEqual([
      '2025-06-15T01:17:00Z',
    ]);
  });

  it('does nothing on a duplicate tick once the run started', () => {
    expect(fire(berlin(3), ['2025-06-15T01:17:00Z', '2025-06-15T01:17:00Z', '2025-06-15T01:17:30Z'])).toEqual([
      '2025-06-15T01:17:00Z',
    ]);
  });

  it('fires again the next day', () => {
    const ticks = ['2025-06-15T01:05:00Z', '2025-06-15T13:05:00Z', '2025-06-16T00:05:00Z', '2025-06-16T01:05:00Z'];
    expect(fire(berlin(3), ticks)).toEqual(['2025-06-15T01:05:00Z', '2025-06-16T01:05:00Z']);
  });

  it('fires once on the New York fall-back day, although 01:00 happens twice', () => {
    const ticks = ['2025-11-02T04:20:00Z', '2025-11-02T05:20:00Z', '2025-11-02T06:20:00Z', '2025-11-02T07:20:00Z'];
    expect(fire(newYork(1), ticks, at('2025-11-01T05:20:00Z'))).toEqual(['2025-11-02T05:20:00Z']);
  });

  it('fires right after the gap on the Berlin spring-forward day for hour 2', () => {
    const ticks = ['2025-03-29T23:40:00Z', '2025-03-30T00:40:00Z', '2025-03-30T01:40:00Z', '2025-03-30T02:40:00Z'];
    expect(fire(berlin(2), ticks, at('2025-03-29T01:40:00Z'))).toEqual(['2025-03-30T01:40:00Z']);
  });

  it('fires at 02:30 on the Lord Howe spring-forward day for hour 2 (the clock skips 02:00-02:29)', () => {
    const ticks = ['2025-10-04T15:10:00Z', '2025-10-04T15:45:00Z', '2025-10-04T16:10:00Z'];
    expect(fire(lordHowe(2), ticks, at('2025-10-03T15:45:00Z'))).toEqual(['2025-10-04T15:45:00Z']);
  });

  it('fires once in the 90-minute Lord Howe hour 1 on the fall-back day', () => {
    const ticks = ['2025-04-05T14:10:00Z', '2025-04-05T15:10:00Z'];
    expect(fire(lordHowe(1), ticks, at('2025-04-04T14:10:00Z'))).toEqual(['2025-04-05T14:10:00Z']);
  });

  it('catches up a missed tick within the catch-up window, once', () => {
    const ticks = ['2025-06-15T06:59:00Z', '2025-06-15T07:59:00Z'];
    expect(fire(berlin(3), ticks, at('2025-06-14T01:10:00Z'))).toEqual(['2025-06-15T06:59:00Z']);
  });

  it('skips the day when the catch-up window has passed', () => {
    expect(isDue(berlin(3), at('2025-06-15T07:00:00Z'), at('2025-06-14T01:10:00Z'))).toBe(false);
    expect(isDue(berlin(3), at('2025-06-15T06:59:59Z'), at('2025-06-14T01:10:00Z'))).toBe(true);
  });

  it('is due without any earlier run when inside the window', () => {
    expect(isDue(berlin(3), at('2025-06-15T01:00:00Z'), null)).toBe(true);
    expect(isDue(berlin(3), at('2025-06-15T00:59:59Z'), null)).toBe(false);
  });

  it('names the slot start a due run serves, for an idempotency key', () => {
    expect(dueSlotStart(berlin(3), at('2025-06-15T02:30:00Z'), null)).toEqual(at('2025-06-15T01:00:00Z'));
    expect(dueSlotStart(berlin(3), at('2025-06-15T02:30:00Z'), at('2025-06-15T01:00:00Z'))).toBeNull();
  });

  it('runs a weekly task only on its weekday', () => {
    const mondays = { ...berlin(3), weekday: 1 };
    expect(isDue(mondays, at('2025-06-16T01:30:00Z'), at('2025-06-09T01:30:00Z'))).toBe(true);
    expect(isDue(mondays, at('2025-06-17T01:30:00Z'), at('2025-06-09T01:30:00Z'))).toBe(false);
    expect(isDue(mondays, at('2025-06-15T01:30:00Z'), at('2025-06-09T01:30:00Z'))).toBe(false);
  });
});

describe('S4 next run shown on the settings page', () => {
  it("is today's slot before it and tomorrow's once it has started", () => {
    expect(nextRun(berlin(3), at('2025-06-15T00:30:00Z'))).toEqual(at('2025-06-15T01:00:00Z'));
    expect(nextRun(berlin(3), at('2025-06-15T01:00:00Z'))).toEqual(at('2025-06-16T01:00:00Z'));
  });

  it('crosses midnight and the year end', () => {
    expect(nextRun(berlin(0), at('2025-12-31T22:30:00Z'))).toEqual(at('2025-12-31T23:00:00Z'));
    expect(nextRun(newYork(23), at('2026-01-01T04:30:00Z'))).toEqual(at('2026-01-02T04:00:00Z'));
  });

  it('crosses daylight-saving changes', () => {
    expect(nextRun(berlin(3), at('2025-03-29T03:00:00Z'))).toEqual(at('2025-03-30T01:00:00Z'));
    expect(nextRun(berlin(2), at('2025-03-29T03:00:00Z'))).toEqual(at('2025-03-30T01:00:00Z'));
    expect(nextRun(newYork(1), at('2025-11-01T06:00:00Z'))).toEqual(at('2025-11-02T05:00:00Z'));
    expect(nextRun(newYork(1), at('2025-11-02T05:00:00Z'))).toEqual(at('2025-11-03T06:00:00Z'));
  });

  it('finds the next chosen weekday for a weekly slot', () => {
    const mondays = { ...berlin(3), weekday: 1 };
    expect(nextRun(mondays, at('2025-06-17T12:00:00Z'))).toEqual(at('2025-06-23T01:00:00Z'));
    expect(nextRun(mondays, at('2025-06-16T00:30:00Z'))).toEqual(at('2025-06-16T01:00:00Z'));
    expect(nextRun(mondays, at('2025-06-16T01:00:00Z'))).toEqual(at('2025-06-23T01:00:00Z'));
  });
});

describe('S4 the next sync as the hourly tick will make it', () => {
  it("is today's slot while it is still due (missed, within the catch-up window), else the next one", () => {
    const slot = berlin(3);
    expect(upcomingSlotStart(slot, at('2025-06-15T02:30:00Z'), at('2025-06-14T01:10:00Z'))).toEqual({ at: at('2025-06-15T01:00:00Z'), catchUp: true });
    expect(upcomingSlotStart(slot, at('2025-06-15T02:30:00Z'), at('2025-06-15T01:10:00Z'))).toEqual({ at: at('2025-06-16T01:00:00Z'), catchUp: false });
    expect(upcomingSlotStart(slot, at('2025-06-15T08:00:00Z'), at('2025-06-14T01:10:00Z'))).toEqual({ at: at('2025-06-16T01:00:00Z'), catchUp: false });
    expect(upcomingSlotStart(slot, at('2025-06-15T00:30:00Z'), null)).toEqual({ at: at('2025-06-15T01:00:00Z'), catchUp: false });
    expect(upcomingSlotStart(slot, at('2025-06-15T01:20:00Z'), null)).toEqual({ at: at('2025-06-15T01:00:00Z'), catchUp: true });
  });
});

describe('T1 task slot and the sync slot', () => {
  const taskSlotError = (taskHour: number): string | undefined =>
    codeOf(() => {
      validateTaskSlot(taskHour, berlin(3));
    });

  it('refuses the sync hour and accepts any other', () => {
    expect(taskSlotError(3)).toBe('TIME_SLOT_CLASHES_WITH_SYNC');
    expect(taskSlotError(4)).toBeUndefined();
    expect(taskSlotError(24)).toBe('TIME_SLOT_INVALID');
  });

  it('counts hours after the sync, wrapping past midnight', () => {
    expect(hoursAfterSync(1, 22)).toBe(3);
    expect(hoursAfterSync(3, 3)).toBe(0);
    expect(hoursAfterSync(2, 3)).toBe(23);
    expect(codeOf(() => hoursAfterSync(1, -1))).toBe('TIME_SLOT_INVALID');
  });

  it('warns a large org about the two hours right after the sync', () => {
    expect(shouldWarnAfterSync(4, 3, 10_000)).toBe(true);
    expect(shouldWarnAfterSync(5, 3, 10_000)).toBe(true);
    expect(shouldWarnAfterSync(6, 3, 10_000)).toBe(false);
    expect(shouldWarnAfterSync(1, 23, 10_000)).toBe(true);
    expect(shouldWarnAfterSync(4, 3, 9_999)).toBe(false);
    expect(shouldWarnAfterSync(2, 3, 100_000)).toBe(false);
  });

  it('widens the warning to four hours from 50,000 users', () => {
    expect(shouldWarnAfterSync(7, 3, 50_000)).toBe(true);
    expect(shouldWarnAfterSync(8, 3, 50_000)).toBe(false);
    expect(shouldWarnAfterSync(7, 3, 49_999)).toBe(false);
  });
});
