import { z } from 'zod';

/** The threshold choices the UI offers (FEATURES S2), in days: 3 days to 6 months. */
export const thresholdDayChoices = [3, 7, 14, 30, 60, 90, 120, 180] as const;
const thresholdDaysSchema = z
  .number()
  .int()
  .refine((d) => (thresholdDayChoices as readonly number[]).includes(d), { message: 'threshold.not-a-choice' });

export const hourSlotSchema = z.number().int().min(0).max(23);

export const SETTINGS_VERSION = 1;

export const settingsSchema = z
  .object({
    version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
    inactivity: z
      .object({ warningDays: thresholdDaysSchema.default(90), overdueDays: thresholdDaysSchema.default(180) })
      .default({ warningDays: 90, overdueDays: 180 })
      .refine((t) => t.warningDays < t.overdueDays, { message: 'threshold.warning-not-below-overdue' }),
    access: z
      .object({ allowProductAdmins: z.boolean().default(false), allowUserAccessAdmins: z.boolean().default(false) })
      .default({ allowProductAdmins: false, allowUserAccessAdmins: false }),
    sync: z
      .object({ hour: hourSlotSchema.default(3), timeZone: z.string().min(1).default('UTC') })
      .default({ hour: 3, timeZone: 'UTC' }),
    protectedEmails: z.array(z.string().min(1).max(320)).max(1000).default([]),
    /** S6: whether statistics show, and the groups whose member counts the admin chose (kept across reloads). */
    statistics: z
      .object({ visible: z.boolean().default(true), groupIds: z.array(z.string().min(1).max(256)).max(50).default([]) })
      .default({ visible: true, groupIds: [] }),
    /** Admin-entered price per seat per month per product family, for the D4 saving estimate. */
    seatPrices: z.record(z.string(), z.number().nonnegative().max(100000)).default({}),
    /** The currency of the seat prices (ISO 4217); Atlassian's list prices are in US dollars. */
    seatCurrency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
    defaultLanguage: z.string().min(2).max(10).nullable().default(null),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

/** Settings of a fresh install. */
export const defaultSettings = (): Settings => settingsSchema.parse({});
