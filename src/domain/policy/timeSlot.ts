import { tzOffset } from '@date-fns/tz';
import { DomainError } from '../model/errors';

/**
 * An hourly slot in the site's time zone: every day, or weekly on `weekday` (0 = Sunday .. 6 = Saturday).
 * The daily sync uses it without a weekday (FEATURES S4); automated tasks may add one (T1).
 */
export interface TimeSlot {
  readonly hour: number;
  readonly timeZone: string;
  readonly weekday?: number | undefined;
}

/** A calendar day in some time zone; `month` is 1..12. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** How long after a slot start a missed run is still made up; after that the slot is skipped. */
export const CATCH_UP_HOURS = 6;

/** Organizations from this many users get a warning for tasks right after the sync, for the given hours. */
export const AFTER_SYNC_WARNING_TIERS: readonly { readonly minUsers: number; readonly hours: number }[] = [
  { minUsers: 50_000, hours: 4 },
  { minUsers: 10_000, hours: 2 },
];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const knownZones = new Set<string>();

/** True when `timeZone` is an IANA zone name the runtime knows (offset strings such as `+01:00` are not). */
export const isValidTimeZone = (timeZone: string): boolean => {
  if (knownZones.has(timeZone)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  knownZones.add(timeZone);
  return true;
};

/** Returns `timeZone` when valid; throws `TIME_SLOT_INVALID` otherwise. */
export const validateTimeZone = (timeZone: string): string => {
  if (!isValidTimeZone(timeZone)) {
    throw new DomainError('TIME_SLOT_INVALID', `Unknown time zone: ${timeZone}`, { timeZone });
  }
  return timeZone;
};

const isIntegerIn = (value: number, min: number, max: number): boolean =>
  Number.isInteger(value) && value >= min && value <= max;

const validateHour = (hour: number): number => {
  if (!isIntegerIn(hour, 0, 23)) {
    throw new DomainError('TIME_SLOT_INVALID', `Slot hour must be 0..23, got ${hour}`, { hour });
  }
  return hour;
};

/** Returns the slot when its hour (0..23), weekday (0..6, optional) and time zone are valid; throws `TIME_SLOT_INVALID`. */
export const validateSlot = <S extends TimeSlot>(slot: S): S => {
  validateHour(slot.hour);
  if (slot.weekday !== undefined && !isIntegerIn(slot.weekday, 0, 6)) {
    throw new DomainError('TIME_SLOT_INVALID', `Weekday must be 0..6, got ${slot.weekday}`, { weekday: slot.weekday });
  }
  validateTimeZone(slot.timeZone);
  return slot;
};

const offsetMs = (timeZone: string, epochMs: number): number => tzOffset(timeZone, new Date(epochMs)) * MINUTE_MS;

/** The local calendar day of `instant` in `timeZone`. */
export const localDateOf = (instant: Date, timeZone: string): LocalDate => {
  validateTimeZone(timeZone);
  const wall = new Date(instant.getTime() + offsetMs(timeZone, instant.getTime()));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
};

const shiftDays = (date: LocalDate, days: number): LocalDate => {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
};

const weekdayOf = (date: LocalDate): number => new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();

/**
 * The instant the local wall time `wall` (as if UTC) occurs in `timeZone`: its first occurrence when the clock
 * is turned back, and the instant the clock jumps to when it falls in a gap.
 */
const wallToInstant = (timeZone: string, wall: number): number => {
  const before = offsetMs(timeZone, wall - DAY_MS);
  const after = offsetMs(timeZone, wall + DAY_MS);
  const matches = [wall - before, wall - after].filter((t) => t + offsetMs(timeZone, t) === wall);
  if (matches.length > 0) return Math.min(...matches);
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.max(MINUTE_MS, Math.floor((hi - lo) / (2 * MINUTE_MS)) * MINUTE_MS);
    if (offsetMs(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
};

/**
 * When the slot's hour begins on the local day `date` (its weekday is ignored). A day has exactly one slot start:
 * the first occurrence of a repeated hour (fall back), or the end of the gap for a skipped hour (spring forward).
 */
export const slotStartOn = (slot: TimeSlot, date: LocalDate): Date => {
  validateSlot(slot);
  return new Date(wallToInstant(slot.timeZone, Date.UTC(date.year, date.month - 1, date.day, slot.hour)));
};

const periodDays = (slot: TimeSlot): number => (slot.weekday === undefined ? 1 : 7);

/** The most recent slot start at or before `now` (on the slot's weekday, when it has one). */
export const latestSlotStart = (slot: TimeSlot, now: Date): Date => {
  validateSlot(slot);
  const today = localDateOf(now, slot.timeZone);
  const back = slot.weekday === undefined ? 0 : (weekdayOf(today) - slot.weekday + 7) % 7;
  const day = shiftDays(today, -back);
  const start = slotStartOn(slot, day);
  return start <= now ? start : slotStartOn(slot, shiftDays(day, -periodDays(slot)));
};

/** The first slot start strictly after `now`: the "next sync" / "next run" the admin page shows. */
export const nextRun = (slot: TimeSlot, now: Date): Date => {
  validateSlot(slot);
  const today = localDateOf(now, slot.timeZone);
  const ahead = slot.weekday === undefined ? 0 : (slot.weekday - weekdayOf(today) + 7) % 7;
  const day = shiftDays(today, ahead);
  const start = slotStartOn(slot, day);
  return start > now ? start : slotStartOn(slot, shiftDays(day, periodDays(slot)));
};

/**
 * The slot start a run at `now` would serve, or null when nothing is due. Due means: the latest slot start has
 * passed less than CATCH_UP_HOURS ago, and the last run this slot caused (`lastRunAt`) began before it. Feeding the
 * run's start back as `lastRunAt` makes every later tick for the same slot start return null.
 */
export const dueSlotStart = (slot: TimeSlot, now: Date, lastRunAt: Date | null): Date | null => {
  const start = latestSlotStart(slot, now);
  if (now.getTime() - start.getTime() >= CATCH_UP_HOURS * HOUR_MS) return null;
  if (lastRunAt !== null && lastRunAt >= start) return null;
  return start;
};

/**
 * The slot start the next scheduled run will serve, as the hourly tick decides it: the latest one while it is still
 * due (`catchUp`: the next tick, within the hour, starts it), else the next one.
 */
export const upcomingSlotStart = (slot: TimeSlot, now: Date, lastRunAt: Date | null): { at: Date; catchUp: boolean } => {
  const due = dueSlotStart(slot, now, lastRunAt);
  return due === null ? { at: nextRun(slot, now), catchUp: false } : { at: due, catchUp: true };
};

/** Whether an hourly tick at `now` should start the slot's run; see `dueSlotStart`. */
export const isDue = (slot: TimeSlot, now: Date, lastRunAt: Date | null): boolean =>
  dueSlotStart(slot, now, lastRunAt) !== null;

/** Hours from the sync slot to the task slot, 0..23, wrapping past midnight (sync 22, task 1 → 3). */
export const hoursAfterSync = (taskHour: number, syncHour: number): number =>
  (validateHour(taskHour) - validateHour(syncHour) + 24) % 24;

/** Throws `TIME_SLOT_INVALID` for a bad hour and `TIME_SLOT_CLASHES_WITH_SYNC` when the task takes the sync's hour. */
export const validateTaskSlot = (taskHour: number, syncSlot: Pick<TimeSlot, 'hour'>): void => {
  if (hoursAfterSync(taskHour, syncSlot.hour) === 0) {
    throw new DomainError('TIME_SLOT_CLASHES_WITH_SYNC', `Hour ${taskHour} is the daily sync slot`, {
      hour: taskHour,
    });
  }
};

/**
 * Whether the UI should warn that a task slot falls in the hours right after the sync, while a large org's sync
 * may still run (see AFTER_SYNC_WARNING_TIERS). The sync hour itself is a clash, not a warning.
 */
export const shouldWarnAfterSync = (taskHour: number, syncHour: number, userCount: number): boolean => {
  const after = hoursAfterSync(taskHour, syncHour);
  const tier = AFTER_SYNC_WARNING_TIERS.find((t) => userCount >= t.minUsers);
  return tier !== undefined && after >= 1 && after <= tier.hours;
};
