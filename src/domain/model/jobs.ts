import { z } from 'zod';
import { jobSpecSchema } from './jobSpec';

export const jobKindSchema = z.enum(['sync', 'bulk-action', 'task-run', 'revert']);
export type JobKind = z.infer<typeof jobKindSchema>;

export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'partially-failed', 'cancelled']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** A long piece of work run in queue slices; progress is what the admin page polls. `spec.kind` is `kind`. */
export const jobSchema = z.object({
  id: z.string().min(1),
  kind: jobKindSchema,
  spec: jobSpecSchema,
  status: jobStatusSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
  /** When the job ended (its status left queued/running); null while it runs. */
  finishedAt: z.date().nullable(),
  createdBy: z.string().nullable(),
  phase: z.string(),
  processed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  succeeded: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  /** Slices in a row that failed on an error the policy does not answer with a wait; the job fails at the limit. */
  attempts: z.number().int().nonnegative(),
});
export type Job = z.infer<typeof jobSchema>;

export const syncDataTypeSchema = z.enum(['users', 'last-active', 'groups', 'group-memberships', 'project-users', 'customers']);
export type SyncDataType = z.infer<typeof syncDataTypeSchema>;

/**
 * What a sync reads, kept (as JSON) in the `spec` of its `jobs` row. A sync has its own record (`SyncRun`, below)
 * beside `Job`, because it keeps checkpoints and a generation instead of per-user items.
 */
export const syncJobSpecSchema = z
  .object({
    kind: z.literal('sync'),
    trigger: z.enum(['schedule', 'manual', 'task']),
    dataTypes: z.array(syncDataTypeSchema).min(1),
    groupIds: z.array(z.string()),
  })
  .strict();
export type SyncJobSpec = z.infer<typeof syncJobSpecSchema>;

/** The steps of a sync, in order; a run skips the steps its data types do not need (docs/sync.md). */
export const syncPhaseSchema = z.enum([
  'workspaces',
  'groups',
  'users',
  'memberships',
  'activity',
  'project-users',
  'customers',
  'finish',
  'done',
]);
export type SyncPhase = z.infer<typeof syncPhaseSchema>;

const count = z.number().int().nonnegative();

/** What a sync run has done so far, per kind of data; kept in the checkpoint, shown as statistics. */
export const syncCountsSchema = z.object({
  products: count,
  groups: count,
  groupsDeleted: count,
  users: count,
  markedLeft: count,
  membershipUsers: count,
  membershipsPruned: count,
  activityFilled: count,
  activitySkipped: count,
  activityFailed: count,
  projectRoleMembers: count,
  customers: count,
  siteRowsDeleted: count,
  rateLimited: count,
  retries: count,
});
export type SyncCounts = z.infer<typeof syncCountsSchema>;

/**
 * Where a sync run stands, saved (SQL, with the run) after every step so that any slice can resume it. `slice` is
 * the number the next queue message must carry; `continuationPushed` says whether that message was pushed. The
 * cursor belongs to the current phase; `directoryIndex` and `chunkIndex` walk several directories and group-id chunks.
 */
export const syncCheckpointSchema = z.object({
  slice: count,
  continuationPushed: z.boolean(),
  /** Pushes in the current chain (the queue allows 1000 per chain); reset when the hourly tick resumes a run. */
  chainPushes: count,
  /** True when the run stopped to stay inside the chain budget; the hourly tick resumes it with a new chain. */
  parked: z.boolean(),
  /** Consecutive failed attempts of the current step. */
  attempts: count,
  orgId: z.string().min(1),
  directoryIds: z.array(z.string().min(1)),
  /** The directories' names by id, as listed when the run started (stored on the users it reads from each). */
  directoryNames: z.record(z.string(), z.string()),
  directoryIndex: count,
  chunkIndex: count,
  cursor: z.string().nullable(),
  /** True once this run walked every user of every directory (only then may users be marked as left). */
  usersWalkComplete: z.boolean(),
  counts: syncCountsSchema,
  /**
   * What the counted steps expect to read, from the synced copy when the run started: groups, users, and the picked
   * groups' members; null where the step is not in the run or the copy holds none yet (the first sync).
   */
  estimates: z.object({ groups: count.nullable(), users: count.nullable(), memberships: count.nullable() }),
  savedAt: z.date(),
  /** The error code a failed run stopped on (API_KEY_REJECTED, UPSTREAM_FAILED, ...). */
  failureReason: z.string().nullable(),
  /**
   * The token of the 'sync' lock lease the run's start took; ending the run releases the lock with it, so a run
   * that outlived its lease cannot free the lock of a later holder.
   */
  lockToken: z.string().min(1),
});
export type SyncCheckpoint = z.infer<typeof syncCheckpointSchema>;

/**
 * The activity stream of a run with last-active (docs/sync.md, "The activity stream"): the per-user fallback as its
 * own chain of `sync-activity` slices beside the main stream, with its own slice number, push chain, attempts and
 * cursor. `early` reads the users the walk has stored so far and stops at the first user it cannot read
 * (`earlyStopped`); `final`, once the walk is complete, reads every user still unknown from the beginning; `done`.
 * Its counters and API calls are added to the run's while it runs, and folded into them when the run ends.
 */
export const syncActivitySchema = z.object({
  slice: count,
  continuationPushed: z.boolean(),
  chainPushes: count,
  parked: z.boolean(),
  attempts: count,
  pass: z.enum(['early', 'final', 'done']),
  cursor: z.string().nullable(),
  earlyStopped: z.boolean(),
  counts: syncCountsSchema,
  apiCalls: count,
  errors: count,
  savedAt: z.date(),
});
export type SyncActivity = z.infer<typeof syncActivitySchema>;

/**
 * One sync of the directory: the job of kind 'sync' (a `jobs` row). `generation` stamps every row it saw, so rows
 * it did not see are users who left. `createdBy` is the admin who started a manual sync, null otherwise.
 */
export const syncRunSchema = z.object({
  id: z.string().min(1),
  generation: z.number().int().positive(),
  trigger: syncJobSpecSchema.shape.trigger,
  dataTypes: syncJobSpecSchema.shape.dataTypes,
  groupIds: syncJobSpecSchema.shape.groupIds,
  createdBy: z.string().nullable(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  status: jobStatusSchema,
  phase: z.string(),
  processed: z.number().int().nonnegative(),
  estimatedTotal: z.number().int().nonnegative().nullable(),
  apiCalls: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  checkpoint: syncCheckpointSchema,
  /** The activity stream; null for a run without last-active. Saved apart from the rest (`updateActivity`). */
  activity: syncActivitySchema.nullable(),
});
export type SyncRun = z.infer<typeof syncRunSchema>;
