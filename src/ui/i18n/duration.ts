const units = [
  { unit: 'hour', ms: 3_600_000 },
  { unit: 'minute', ms: 60_000 },
  { unit: 'second', ms: 1000 },
] as const;

/**
 * A duration in the viewer's language with its two largest units, e.g. "1 hr 5 min" or "1 min 12 sec"; under a
 * second reads as "0 sec". (resources/csv-export/csv.js writes durations the same way.)
 */
export const durationText = (ms: number, localeTag: string): string => {
  let rest = Math.max(0, Math.round(ms / 1000)) * 1000;
  const parts: string[] = [];
  for (const { unit, ms: size } of units) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || (parts.length === 0 && unit === 'second')) {
      parts.push(new Intl.NumberFormat(localeTag, { style: 'unit', unit, unitDisplay: 'short' }).format(amount));
    }
  }
  return parts.slice(0, 2).join(' ');
};
