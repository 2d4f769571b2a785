import { z } from 'zod';

/** An instant as an ISO-8601 string in UTC (`2026-01-31T12:00:00.000Z`); the UI formats it in the user's locale. */
/** The instants the app stores and compares: from 1970 to the end of 9999 in UTC (what SQL's DATETIME holds). */
const LATEST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An ISO 8601 instant with its offset, within 1970–9999 once in UTC (else `validation.date-out-of-range`). */
export const isoInstantSchema = z.iso.datetime({ offset: true }).refine((text) => {
  const ms = Date.parse(text);
  return ms >= 0 && ms <= LATEST_INSTANT_MS;
}, 'date-out-of-range');
export type IsoInstant = string;

export const inactivityStates = ['active', 'warning', 'overdue', 'never-active', 'new', 'unknown'] as const;
/** `new` (added less than the warning threshold ago, no activity yet) and `unknown` (no activity data yet) are never inactive. */
export type InactivityState = (typeof inactivityStates)[number];
export const inactivityStateSchema = z.enum(inactivityStates);

export const accountStatuses = ['active', 'inactive', 'closed'] as const;
export type AccountStatus = (typeof accountStatuses)[number];
export const accountTypes = ['atlassian', 'customer', 'app'] as const;
export const membershipStatuses = ['active', 'suspended', 'no_membership'] as const;

/** Counts per inactivity state. */
export const stateCountsSchema = z.object({
  active: z.number(),
  warning: z.number(),
  overdue: z.number(),
  'never-active': z.number(),
  new: z.number(),
  unknown: z.number(),
});
export type StateCounts = z.infer<typeof stateCountsSchema>;

/** An opaque keyset cursor from the previous page (`next`); null or absent for the first page. */
export const cursorSchema = z.string().min(1).max(4000).nullable().default(null);

export const pageLimit = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);

/** One page of a keyset-paged list; `next` is null on the last page. */
export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

export const accountIdSchema = z.string().min(1).max(128);
export const productKeyInputSchema = z.string().min(1).max(64);
export const groupIdSchema = z.string().min(1).max(256);

/** Every job status (sync runs, bulk actions). */
export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'partially-failed', 'cancelled'] as const;
export const jobStatusSchema = z.enum(jobStatuses);
export type JobStatus = (typeof jobStatuses)[number];

export const emptyPayloadSchema = z.object({}).strict();
