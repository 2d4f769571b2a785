import { z } from 'zod';
import { apiKeyInfoSchema } from './apiKey';
import { supportedLanguages } from './languages';
import { cursorSchema, emptyPayloadSchema, groupIdSchema, isoInstantSchema, jobStatusSchema, pageLimit, pageSchema } from './common';

/** S2: the threshold choices, in days. */
export const thresholdDayChoices = [3, 7, 14, 30, 60, 90, 120, 180] as const;
export const protectedEntryKinds = ['exact', 'domain', 'wildcard'] as const;

/** D4: what a seat price may be (the settings schema refuses more than `max`); the page refuses more decimals. */
export const seatPriceRules = { maxDecimals: 2, max: 100_000 } as const;

/** settings.get */
export const settingsGetPayloadSchema = emptyPayloadSchema;

/** S8: one whitelist entry as entered, with how many synced users it protects. */
export const protectedEntryDtoSchema = z.object({ entry: z.string(), kind: z.enum(protectedEntryKinds), protectedUsers: z.number() });

export const settingsDtoSchema = z.object({
  inactivity: z.object({ warningDays: z.number(), overdueDays: z.number() }),
  access: z.object({ allowProductAdmins: z.boolean(), allowUserAccessAdmins: z.boolean() }),
  /**
   * S4: `hour` 0..23 in `timeZone` (IANA). `nextSyncAt` is the slot start the next scheduled sync serves (null
   * without an API key); `nextSyncCatchUp` when that slot has passed without its run (the next hourly check makes
   * it up); `lastSync` the latest run.
   */
  sync: z.object({
    hour: z.number(),
    timeZone: z.string(),
    nextSyncAt: isoInstantSchema.nullable(),
    nextSyncCatchUp: z.boolean(),
    lastSync: z.object({ startedAt: isoInstantSchema, finishedAt: isoInstantSchema.nullable(), status: jobStatusSchema }).nullable(),
  }),
  /** S6: shown or hidden, and the groups last chosen for member counts. */
  statistics: z.object({ visible: z.boolean(), groupIds: z.array(z.string()) }),
  protectedEmails: z.array(protectedEntryDtoSchema),
  /** Price per seat per month by product family (D4). */
  seatPrices: z.record(z.string(), z.number()),
  /** The currency of `seatPrices` (ISO 4217 code, e.g. `USD`). */
  seatCurrency: z.string(),
  /** Product families known from the last sync, for the seat price inputs. */
  productFamilies: z.array(z.object({ family: z.string(), name: z.string().nullable(), siteUrl: z.string().nullable() })),
  defaultLanguage: z.string().nullable(),
  apiKey: apiKeyInfoSchema.nullable(),
  thresholdDayChoices: z.array(z.number()),
});
export type SettingsDto = z.infer<typeof settingsDtoSchema>;

const threshold = z.number().int();

/**
 * settings.save: a partial update; only the sections (and fields) sent change. The merged result is validated as a
 * whole (warning < overdue, choices, hour 0..23, IANA zone, whitelist entries); any problem → VALIDATION_FAILED with
 * `details.issues` per field and nothing saved. Answers the saved settings (same shape as settings.get).
 */
export const settingsSavePayloadSchema = z
  .object({
    inactivity: z.object({ warningDays: threshold.optional(), overdueDays: threshold.optional() }).strict().optional(),
    access: z.object({ allowProductAdmins: z.boolean().optional(), allowUserAccessAdmins: z.boolean().optional() }).strict().optional(),
    sync: z.object({ hour: z.number().int().optional(), timeZone: z.string().min(1).max(64).optional() }).strict().optional(),
    statistics: z.object({ visible: z.boolean().optional(), groupIds: z.array(groupIdSchema).max(50).optional() }).strict().optional(),
    /** The whole whitelist (replaces it). */
    protectedEmails: z.array(z.string().max(400)).max(1000).optional(),
    /** The whole price table (replaces it). */
    seatPrices: z.record(z.string().min(1).max(64), z.number()).optional(),
    /** An ISO 4217 currency code (three capital letters). */
    seatCurrency: z.string().max(8).optional(),
    /** One of supportedLanguages, or null for "follow the user's Atlassian locale". */
    defaultLanguage: z.enum(supportedLanguages).nullable().optional(),
  })
  .strict();
export type SettingsSavePayload = z.input<typeof settingsSavePayloadSchema>;

/** statistics.get (S6): totals and the member count of the chosen groups. */
export const statisticsGetPayloadSchema = z.object({ groupIds: z.array(groupIdSchema).max(50).default([]) }).strict();
export const statisticsSchema = z.object({
  totalUsers: z.number(),
  totalGroups: z.number(),
  groups: z.array(z.object({ id: z.string(), name: z.string().nullable(), memberCount: z.number() })),
});

/** groups.search: for pickers (S5, S6, users filter); names starting with `search` (case-insensitive), by name. */
export const groupsSearchPayloadSchema = z
  .object({ search: z.string().trim().max(200).optional(), limit: pageLimit(100, 20), after: cursorSchema })
  .strict();
export const groupDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  userCount: z.number(),
  idpSynced: z.boolean(),
  modifiable: z.boolean(),
});
export const groupsPageSchema = pageSchema(groupDtoSchema);
