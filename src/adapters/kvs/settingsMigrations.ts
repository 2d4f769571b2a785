import { z } from 'zod';
import { SETTINGS_VERSION, thresholdDayChoices } from '../../domain/model/settings';

/**
 * Version 0: the flat, unversioned shape of the first preview (thresholds in any whole number of days,
 * the sync hour in UTC only). Kept so installs that stored it upgrade in place.
 */
export const settingsV0Schema = z.object({
  warningDays: z.number().int().positive(),
  overdueDays: z.number().int().positive(),
  syncHourUtc: z.number().int().min(0).max(23),
  protectedEmails: z.array(z.string()).default([]),
  allowProductAdmins: z.boolean().default(false),
  allowUserAccessAdmins: z.boolean().default(false),
  showStatistics: z.boolean().default(true),
});
export type SettingsV0 = z.infer<typeof settingsV0Schema>;

/** The threshold choice closest to `days` (ties go to the longer one: never flag users sooner). */
export const nearestChoice = (days: number): number =>
  thresholdDayChoices.reduce<number>((best, c) => {
    const [dc, db] = [Math.abs(c - days), Math.abs(best - days)];
    return dc < db || (dc === db && c > best) ? c : best;
  }, thresholdDayChoices[0]);

/** v0 → v1: thresholds snapped to the offered choices (kept strictly ordered), sync hour in UTC. */
export const migrateV0 = (v0: SettingsV0): unknown => {
  let warningDays = nearestChoice(v0.warningDays);
  let overdueDays = nearestChoice(v0.overdueDays);
  if (overdueDays <= warningDays) {
    const above = thresholdDayChoices.find((c) => c > warningDays);
    if (above === undefined) [warningDays, overdueDays] = [120, 180];
    else overdueDays = above;
  }
  return {
    version: 1,
    inactivity: { warningDays, overdueDays },
    access: { allowProductAdmins: v0.allowProductAdmins, allowUserAccessAdmins: v0.allowUserAccessAdmins },
    sync: { hour: v0.syncHourUtc, timeZone: 'UTC' },
    protectedEmails: v0.protectedEmails,
    statistics: { visible: v0.showStatistics },
  };
};

/** The stored version of a raw settings value: its `version` field, or 0 when it has none. */
export const storedVersion = (raw: unknown): number => {
  const parsed = z.object({ version: z.number().int() }).loose().safeParse(raw);
  return parsed.success ? parsed.data.version : 0;
};

/** Upgrades a stored value one version at a time; returns null when there is no path to the current one. */
export const migrateToCurrent = (raw: unknown): unknown => {
  const version = storedVersion(raw);
  if (version === SETTINGS_VERSION) return raw;
  if (version === 0) {
    const v0 = settingsV0Schema.safeParse(raw);
    return v0.success ? migrateV0(v0.data) : null;
  }
  return null;
};
