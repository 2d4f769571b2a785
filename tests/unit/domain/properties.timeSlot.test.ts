import fc from 'fast-check';
import { CATCH_UP_HOURS, isDue, latestSlotStart, nextRun, type TimeSlot } from '../../../src/domain/policy/timeSlot';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'] as const;

interface Wall {
  readonly date: string;
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
  readonly offset: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The local wall clock of an instant, read straight from Intl: an oracle independent of the policy. */
const wall = (ms: number, timeZone: string): Wall => {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday!),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    offset: parts.timeZoneName!,
  };
};

/** Local dates strictly between the dates of two instants (every zone here changes offset by ≤ 1 h). */
const interiorDates = (fromMs: number, toMs: number, timeZone: string): string[] => {
  const dates: string[] = [];
  const first = wall(fromMs, timeZone).date;
  const last = wall(toMs, timeZone).date;
  for (let t = fromMs; t <= toMs; t += HOUR_MS) {
    const { date } = wall(t, timeZone);
    if (date !== first && date !== last && dates[dates.length - 1] !== date) dates.push(date);
  }
  return dates;
};

/** The first instant of local `date` whose wall hour is ≥ `hour`, scanning 15-minute steps (all shifts here are). */
const oracleSlotStart = (date: string, hour: number, timeZone: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  const base = Date.UTC(y!, m! - 1, d, hour);
  for (let t = base - 15 * HOUR_MS; t <= base + 15 * HOUR_MS; t += 15 * MINUTE_MS) {
    const w = wall(t, timeZone);
    if (w.date === date && w.hour >= hour) return t;
  }
  throw new Error(`no slot start on ${date}`);
};

const zone = fc.constantFrom(...ZONES);
const slotArb = fc.record(
  {
    hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constantFrom(1, 2, 3)),
    timeZone: zone,
    weekday: fc.integer({ min: 0, max: 6 }),
  },
  { requiredKeys: ['hour', 'timeZone'] },
);
const anyStartArb = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) });

/** Noon (UTC) on each day of 2025-2027 whose offset differs from the day before: just after each clock change. */
const clockChanges = (timeZone: string): number[] => {
  const changes: number[] = [];
  for (let t = Date.UTC(2025, 0, 1, 12); t <= Date.UTC(2027, 11, 31, 12); t += DAY_MS) {
    if (wall(t, timeZone).offset !== wall(t - DAY_MS, timeZone).offset) changes.push(t);
  }
  return changes;
};
const changesByZone = new Map(ZONES.map((z) => [z, clockChanges(z)] as const));

/** A slot and a start in 2025-2027, mostly 3-8 days before one of the zone's clock changes. */
const scenarioArb = slotArb.chain((slot) => {
  const changes = changesByZone.get(slot.timeZone) ?? [];
  const nearChange = fc
    .record({ i: fc.integer({ min: 0, max: changes.length - 1 }), before: fc.integer({ min: 3 * DAY_MS, max: 8 * DAY_MS }) })
    .map(({ i, before }) => changes[i]! - before);
  return fc
    .oneof({ arbitrary: anyStartArb, weight: 1 }, { arbitrary: nearChange, weight: 3 })
    .map((start) => ({ slot, start }));
});

interface Run {
  readonly fired: number[];
  readonly ticks: number[];
}

/** Hourly ticks at a fixed minute from `start` for `days`, some duplicated, some dropped, lastRunAt fed back. */
const simulate = (
  slot: TimeSlot,
  start: number,
  days: number,
  minute: number,
  duplicated: ReadonlySet<number>,
  dropped: ReadonlySet<number>,
): Run => {
  const ticks: number[] = [];
  const first = Math.ceil((start - minute * MINUTE_MS) / HOUR_MS) * HOUR_MS + minute * MINUTE_MS;
  for (let k = 0; first + k * HOUR_MS <= start + days * DAY_MS; k++) {
    if (dropped.has(k)) continue;
    ticks.push(first + k * HOUR_MS);
    if (duplicated.has(k)) ticks.push(first + k * HOUR_MS, first + k * HOUR_MS + 7_000);
  }
  const fired: number[] = [];
  let lastRunAt: Date | null = new Date(start);
  for (const tick of ticks) {
    if (isDue(slot, new Date(tick), lastRunAt)) {
      fired.push(tick);
      lastRunAt = new Date(tick);
    }
  }
  return { fired, ticks };
};

const matchesWeekday = (slot: TimeSlot, date: string): boolean =>
  slot.weekday === undefined || new Date(`${date}T12:00:00Z`).getUTCDay() === slot.weekday;

describe('S4/T1 properties of the hourly due rule across DST', () => {
  let crossedDst = 0;

  afterAll(() => {
    expect(crossedDst).toBeGreaterThan(50);
  });

  it('steady ticks with duplicates fire exactly once per local day, inside the slot hour', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 10, max: 40 }),
        fc.integer({ min: 0, max: 59 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 40 * 24 }), { maxLength: 60 }),
        ({ slot, start }, days, minute, dups) => {
          const end = start + days * DAY_MS;
          if (wall(start, slot.timeZone).offset !== wall(end, slot.timeZone).offset) crossedDst += 1;
          const { fired, ticks } = simulate(slot, start, days, minute, new Set(dups), new Set());
          const firedDates = fired.map((t) => wall(t, slot.timeZone).date);

          expect(new Set(firedDates).size).toBe(firedDates.length);
          const expected = interiorDates(start, end, slot.timeZone).filter((d) => matchesWeekday(slot, d));
          for (const date of expected) {
            const slotStart = oracleSlotStart(date, slot.hour, slot.timeZone);
            expect(fired[firedDates.indexOf(date)]).toBe(ticks.find((t) => t >= slotStart));
          }

          for (const t of fired) {
            const local = wall(t, slot.timeZone);
            expect(matchesWeekday(slot, local.date)).toBe(true);
            if (local.hour !== slot.hour) {
              // Only when the slot's hour:00 is skipped: the run comes within the hour after the jump.
              const hourBefore = wall(t - HOUR_MS, slot.timeZone);
              expect(local.hour).toBeGreaterThan(slot.hour);
              expect(hourBefore.hour).toBeLessThan(slot.hour);
              expect(hourBefore.date).toBe(local.date);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with dropped ticks, each slot runs once on the first tick of its catch-up window, or never', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 10, max: 30 }),
        fc.integer({ min: 0, max: 59 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 * 24 }), { maxLength: 30 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 * 24 }), { maxLength: 300 }),
        ({ slot, start }, days, minute, dups, drops) => {
          const end = start + days * DAY_MS;
          const { fired, ticks } = simulate(slot, start, days, minute, new Set(dups), new Set(drops));
          const starts = interiorDates(start, end, slot.timeZone)
            .filter((d) => matchesWeekday(slot, d))
            .map((d) => oracleSlotStart(d, slot.hour, slot.timeZone));
          const window = CATCH_UP_HOURS * HOUR_MS;
          for (const s of starts) {
            const firstTick = ticks.find((t) => t >= s && t < s + window);
            const inWindow = fired.filter((t) => t >= s && t < s + window);
            expect(inWindow).toEqual(firstTick === undefined ? [] : [firstTick]);
          }
          for (let i = 1; i < fired.length; i++) {
            expect(fired[i]! - fired[i - 1]!).toBeGreaterThanOrEqual((23 - CATCH_UP_HOURS) * HOUR_MS);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('nextRun is the next slot start: after now, within a period, due then, and nothing due before it', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.option(fc.integer({ min: 0, max: 10 * DAY_MS }), { nil: null }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        ({ slot, start: nowMs }, lastAgo, fraction) => {
          const now = new Date(nowMs);
          const next = nextRun(slot, now);
          const period = slot.weekday === undefined ? DAY_MS : 7 * DAY_MS;
          expect(next.getTime()).toBeGreaterThan(nowMs);
          expect(next.getTime() - nowMs).toBeLessThanOrEqual(period + HOUR_MS);
          const lastRunAt = lastAgo === null ? null : new Date(nowMs - lastAgo);
          expect(isDue(slot, next, lastRunAt)).toBe(true);
          expect(latestSlotStart(slot, next)).toEqual(next);

          const between = new Date(nowMs + Math.floor(fraction * (next.getTime() - nowMs)));
          expect(isDue(slot, between, now)).toBe(false);

          const after = nextRun(slot, next).getTime() - next.getTime();
          expect(after).toBeGreaterThanOrEqual(period - HOUR_MS);
          expect(after).toBeLessThanOrEqual(period + HOUR_MS);
        },
      ),
      { numRuns: 500 },
    );
  });
});
