import { z } from 'zod';
import { emptyPayloadSchema, isoInstantSchema, jobStatusSchema, stateCountsSchema } from './common';

/** dashboard.get */
export const dashboardGetPayloadSchema = emptyPayloadSchema;

/** `near` from 90 % of capacity, `over` above it, `unknown` without a capacity. */
export const seatLevels = ['ok', 'near', 'over', 'unknown'] as const;

/** D2: one product on one site. `family` groups the Jira variants (`jira`, `confluence`, `jira-servicedesk`, ...). */
export const productUsageSchema = z.object({
  productKey: z.string(),
  family: z.string(),
  resourceId: z.string(),
  /** The product's name as Atlassian reports it; null when unknown (show the key). */
  name: z.string().nullable(),
  siteUrl: z.string().nullable(),
  usersWithAccess: z.number(),
  seatsUsed: z.number(),
  seatCapacity: z.number().nullable(),
  /** seatsUsed / seatCapacity in percent (may exceed 100); null without a capacity. */
  seatPercent: z.number().nullable(),
  seatLevel: z.enum(seatLevels),
  byState: stateCountsSchema,
});
export type ProductUsageDto = z.infer<typeof productUsageSchema>;

/**
 * D4 per product family with a price: billable seats of overdue users who are not protected × the admin's price per
 * seat per month. A family without a price has no line.
 */
export const savingLineSchema = z.object({
  family: z.string(),
  name: z.string().nullable(),
  overdueSeats: z.number(),
  pricePerSeat: z.number(),
  monthly: z.number(),
});

/** No lines: no product in use has a price yet (the page says how to set them, and shows no amount). */
export const savingSchema = z.object({
  /** ISO 4217 code of the prices, as chosen in Settings. */
  currency: z.string(),
  totalMonthly: z.number(),
  lines: z.array(savingLineSchema),
  /** i18next keys of the assumptions the estimate rests on, to show under it. */
  assumptionKeys: z.array(z.string()),
});
export type SavingDto = z.infer<typeof savingSchema>;

/** The last finished (or running) sync: data freshness (D1). */
export const freshnessSchema = z.object({
  lastSyncAt: isoInstantSchema.nullable(),
  lastSyncStatus: jobStatusSchema.nullable(),
  runningSince: isoInstantSchema.nullable(),
});

export const dashboardSchema = z.object({
  totals: z.object({
    users: z.number(),
    billable: z.number(),
    byState: stateCountsSchema,
    billableByState: stateCountsSchema,
  }),
  thresholds: z.object({ warningDays: z.number(), overdueDays: z.number() }),
  products: z.array(productUsageSchema),
  saving: savingSchema,
  freshness: freshnessSchema,
});
export type DashboardDto = z.infer<typeof dashboardSchema>;
