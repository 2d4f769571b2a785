/** Formats numbers, instants and days in the viewer's Atlassian locale and time zone (contract dates are UTC ISO). */
export interface Formatter {
  /** The BCP 47 tag in use, e.g. `en-US`. */
  localeTag: string;
  number: (value: number, maximumFractionDigits?: number) => string;
  /** Date and time, e.g. "Jan 31, 2026, 1:00 PM". */
  dateTime: (iso: string) => string;
  /** Date only. */
  date: (iso: string) => string;
  /** An amount in an ISO 4217 currency, e.g. "$1,562.50" or "1 562,50 €" (the code itself when unknown to Intl). */
  money: (value: number, currency: string) => string;
  percent: (value: number) => string;
  /** An hourly slot in a given zone's wall clock, e.g. "02:00 – 03:00". */
  hourSlot: (hour: number) => string;
  /** A calendar day written with numbers as the locale writes it (as a date picker shows it), e.g. "1/28/2027". */
  numericDay: (iso: string) => string;
  /** Date only, in `timeZone` (the site's) rather than the viewer's. */
  dateIn: (iso: string, timeZone: string) => string;
  /** Date and time in `timeZone`, with the clock of `hourSlot`, e.g. "Jan 31, 2026, 02:05 AM". */
  dateTimeIn: (iso: string, timeZone: string) => string;
}

const toTag = (locale: string | null | undefined): string => {
  const tag = (locale ?? '').replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
};

const safeZone = (timeZone: string | null | undefined): string | undefined => {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
};

export const createFormatter = (locale: string | null | undefined, timeZone: string | null | undefined): Formatter => {
  const tag = toTag(locale);
  const zone = safeZone(timeZone);
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: zone });
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  const hourText = (hour: number): string => time.format(Date.UTC(2000, 0, 1, hour % 24));
  const dateIn = (iso: string, timeZone: string): string =>
    new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: safeZone(timeZone) }).format(new Date(iso));
  const clockIn = (iso: string, timeZone: string): string =>
    new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: safeZone(timeZone) }).format(new Date(iso));
  return {
    localeTag: tag,
    number: (value, maximumFractionDigits = 0) => new Intl.NumberFormat(tag, { maximumFractionDigits }).format(value),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    money: (value, currency) => {
      try {
        return new Intl.NumberFormat(tag, { style: 'currency', currency }).format(value);
      } catch {
        return `${new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} ${currency}`;
      }
    },
    percent: (value) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100),
    hourSlot: (hour) => `${hourText(hour)} – ${hourText(hour + 1)}`,
    numericDay: (iso) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC' }).format(new Date(iso)),
    dateIn,
    dateTimeIn: (iso, timeZone) => `${dateIn(iso, timeZone)}, ${clockIn(iso, timeZone)}`,
  };
};
