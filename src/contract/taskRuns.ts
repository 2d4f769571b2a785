import { z } from 'zod';
import { actionMethods, bulkActionSchema, bulkResultRowSchema, skipReasons } from './bulk';
import { cursorSchema, inactivityStateSchema, isoInstantSchema, pageLimit, pageSchema } from './common';
import { jobOutcomes } from './jobs';
import { revertStateSchema } from './revert';
import { taskChangeDtoSchema, taskDefinitionDtoSchema, taskRunStatuses } from './tasks';

/** Resolver keys of a task's dry run, runs and proposals (the Automated tasks tab). */
export const taskRunsResolverKeys = {
  tasksDryRun: 'tasks.dryRun',
  tasksRunNow: 'tasks.runNow',
  tasksRuns: 'tasks.runs',
  tasksRunDetail: 'tasks.runDetail',
  tasksProposals: 'tasks.proposals',
  tasksProposal: 'tasks.proposal',
  tasksDecideProposal: 'tasks.decideProposal',
} as const;

/** Why a task leaves a user unchanged (mirrors the core): every bulk skip reason, then the task's own. */
export const taskSkipReasons = [
  ...skipReasons,
  'excluded-group',
  'not-in-included-groups',
  'other-account-type',
  'not-billable',
  'not-matching',
  'within-seat-cap',
  'within-notice',
  'already-notified',
  'over-cap',
] as const;
export type TaskSkipReasonDto = (typeof taskSkipReasons)[number];

/** How a task changes a user: a bulk method, or a notice (notify only). → `taskRuns.methods.<method>`. */
export const taskMethods = [...actionMethods, 'notify'] as const;
/** Reasons of failed or skipped runs with words of their own (`taskRunner.reasons.<reason>`); mirrors the core. */
export const taskRunReasons = ['safety-cap-exceeded', 'sync-overlap', 'notice-not-sent', 'proposal-rejected', 'proposal-expired', 'task-deleted', 'task-disabled'] as const;
export const taskRunTriggers = ['schedule', 'manual', 'caller'] as const;
export const proposalStatuses = ['pending', 'approved', 'rejected', 'expired'] as const;

const taskIdSchema = z.string().min(1).max(64);

/**
 * tasks.dryRun (T2): a saved task (`taskId`), the editor's unsaved definition (`definition`, validated by the server
 * as tasks.save validates it; with `taskId` too, the saved task's notices apply), or both. Lists the users of
 * `decision` (and of one skip `reason`), paged by cursor; the CSV export pages the same way.
 */
export const tasksDryRunPayloadSchema = z
  .object({
    taskId: taskIdSchema.nullable().default(null),
    definition: taskDefinitionDtoSchema.nullable().default(null),
    decision: z.enum(['all', 'will-change', 'skip']).default('all'),
    reason: z.enum(taskSkipReasons).nullable().default(null),
    limit: pageLimit(1000, 50),
    after: cursorSchema,
  })
  .strict();
export type TasksDryRunPayload = z.input<typeof tasksDryRunPayloadSchema>;

/** One user of a dry run: what changes and how (`methods`), or why not (`reason`), and why the rule picked them. */
export const dryRunItemSchema = z.object({
  accountId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  decision: z.enum(['will-change', 'skip']),
  methods: z.array(z.enum(taskMethods)),
  reason: z.enum(taskSkipReasons).nullable(),
  state: inactivityStateSchema.nullable(),
  inactiveDays: z.number().nullable(),
  seatRank: z.number().nullable(),
  /** For `within-notice`: when the user will be changed if they still match. */
  noticeUntil: isoInstantSchema.nullable(),
  /** For `within-notice`: a run now would send the notice (the user is not announced yet). */
  noticeNow: z.boolean(),
  /** Groups removed from, or the IdP-synced groups behind an `idp-synced-group` skip, by name. */
  groups: z.array(z.string()),
});
export type DryRunItemDto = z.infer<typeof dryRunItemSchema>;

export const dryRunSchema = z.object({
  evaluatedAt: isoInstantSchema,
  summary: z.object({
    total: z.number(),
    /** A seat cap's other holders: they keep the product, not planned one by one (the cap is met before them). */
    keepSeat: z.number(),
    willChange: z.number(),
    skipped: z.number(),
    byMethod: z.partialRecord(z.enum(taskMethods), z.number()),
    skippedByReason: z.partialRecord(z.enum(taskSkipReasons), z.number()),
  }),
  /** T7: `over-cap` with what the run would have changed and announced. */
  safety: z.object({ status: z.enum(['within-cap', 'over-cap']), cap: z.number(), wouldChange: z.number().nullable(), wouldAnnounce: z.number().nullable() }),
  /** T5: users a run now would announce, and whose notice it would clear. */
  notices: z.object({ announce: z.number(), clear: z.number() }),
  /** Users of the chosen decision and reason, over every page. */
  matching: z.number(),
  items: z.array(dryRunItemSchema),
  next: z.string().nullable(),
});
export type DryRunDto = z.infer<typeof dryRunSchema>;

/** A run of a task (T3): what started it, its outcome and counts; `reasonKey` translates `reason`. */
export const taskRunDtoSchema = z.object({
  runId: z.string(),
  taskId: z.string(),
  trigger: z.enum(taskRunTriggers),
  slotAt: isoInstantSchema.nullable(),
  startedAt: isoInstantSchema,
  finishedAt: isoInstantSchema.nullable(),
  status: z.enum(taskRunStatuses),
  reason: z.string().nullable(),
  reasonKey: z.string().nullable(),
  counts: z.object({ matched: z.number(), changed: z.number(), failed: z.number(), skipped: z.number(), announced: z.number() }),
  /** Whether the run has per-user results (it changed users through a job). */
  hasResults: z.boolean(),
});
export type TaskRunDto = z.infer<typeof taskRunDtoSchema>;

/** tasks.runNow (T4): runs the task now (the screen showed its dry run and the admin confirmed). LOCK_HELD while a sync or a run of it runs. */
export const tasksRunNowPayloadSchema = z.object({ taskId: taskIdSchema }).strict();

/** tasks.runs: a task's runs, newest first (kept after the task is deleted). */
export const tasksRunsPayloadSchema = z.object({ taskId: taskIdSchema, limit: pageLimit(100, 20), after: cursorSchema }).strict();
export const tasksRunsSchema = pageSchema(taskRunDtoSchema);

/**
 * tasks.runDetail: a run, its parts (the bulk action of each of its jobs: one per product of a multi-product revoke)
 * and the per-user results of part `part` (only those of `outcome` when given), by account ID.
 */
export const tasksRunDetailPayloadSchema = z
  .object({
    runId: z.string().min(1).max(64),
    part: z.number().int().min(0).max(100).default(0),
    limit: pageLimit(500, 100),
    after: cursorSchema,
    outcome: z.enum(jobOutcomes).optional(),
  })
  .strict();
export const tasksRunDetailSchema = z.object({
  run: taskRunDtoSchema,
  taskName: z.string().nullable(),
  parts: z.array(bulkActionSchema),
  /** Each part's job and whether it can be reverted (B5), in the order of `parts`. */
  partJobs: z.array(z.object({ jobId: z.string(), revert: revertStateSchema })).optional(),
  results: pageSchema(bulkResultRowSchema),
});
export type TaskRunDetailDto = z.infer<typeof tasksRunDetailSchema>;

/** T6: a proposal of a review-mode run. `users`: how many it would change. `jobId`: the bulk job an approval started. */
export const proposalDtoSchema = z.object({
  proposalId: z.string(),
  taskId: z.string(),
  taskName: z.string().nullable(),
  change: taskChangeDtoSchema,
  users: z.number(),
  createdAt: isoInstantSchema,
  expiresAt: isoInstantSchema,
  status: z.enum(proposalStatuses),
  decidedAt: isoInstantSchema.nullable(),
  decidedByName: z.string().nullable(),
  jobId: z.string().nullable(),
});
export type ProposalDto = z.infer<typeof proposalDtoSchema>;

/** tasks.proposals: proposals of `status`, newest first (pending: those still open). */
export const tasksProposalsPayloadSchema = z.object({ status: z.enum(proposalStatuses).default('pending'), limit: pageLimit(100, 50) }).strict();
export const tasksProposalsSchema = z.object({ items: z.array(proposalDtoSchema) });

/** tasks.proposal: a proposal and one page of the users it would change (`items`), as proposed. */
export const tasksProposalPayloadSchema = z.object({ proposalId: z.string().min(1).max(64), limit: pageLimit(500, 100), after: cursorSchema }).strict();
export const proposedUserSchema = z.object({ accountId: z.string(), name: z.string().nullable(), email: z.string().nullable() });
export const tasksProposalSchema = pageSchema(proposedUserSchema).extend({ proposal: proposalDtoSchema });
export type TaskProposalDetailDto = z.infer<typeof tasksProposalSchema>;

/** tasks.decideProposal: approve (runs as a bulk job, planned again now) or reject. CONFLICT when already decided or expired. */
export const tasksDecideProposalPayloadSchema = z.object({ proposalId: z.string().min(1).max(64), decision: z.enum(['approve', 'reject']) }).strict();

/** The contract entries of a task's dry run, runs and proposals (merged into `contract`). */
export const taskRunsContract = {
  [taskRunsResolverKeys.tasksDryRun]: { payload: tasksDryRunPayloadSchema, data: dryRunSchema },
  [taskRunsResolverKeys.tasksRunNow]: { payload: tasksRunNowPayloadSchema, data: taskRunDtoSchema },
  [taskRunsResolverKeys.tasksRuns]: { payload: tasksRunsPayloadSchema, data: tasksRunsSchema },
  [taskRunsResolverKeys.tasksRunDetail]: { payload: tasksRunDetailPayloadSchema, data: tasksRunDetailSchema },
  [taskRunsResolverKeys.tasksProposals]: { payload: tasksProposalsPayloadSchema, data: tasksProposalsSchema },
  [taskRunsResolverKeys.tasksProposal]: { payload: tasksProposalPayloadSchema, data: tasksProposalSchema },
  [taskRunsResolverKeys.tasksDecideProposal]: { payload: tasksDecideProposalPayloadSchema, data: proposalDtoSchema },
} as const;
