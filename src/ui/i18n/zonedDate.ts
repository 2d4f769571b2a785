/** Milliseconds a zone's wall clock is ahead of UTC at `instant`. */
const offsetAt = (instant: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - instant;
};

/**
 * The UTC instant (ISO) at which a calendar day (`YYYY-MM-DD`, as a DatePicker gives it) starts in `timeZone`,
 * `plusDays` later. Without a zone, UTC.
 */
export const startOfDayIso = (day: string, timeZone: string | null, plusDays = 0): string | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  if (timeZone === null) return new Date(guess).toISOString();
  try {
    const first = guess - offsetAt(guess, timeZone);
    return new Date(guess - offsetAt(first, timeZone)).toISOString();
  } catch {
    return new Date(guess).toISOString();
  }
};
