import { z } from 'zod';
import { productKeySchema } from './product';
import { hourSlotSchema } from './settings';

/** Bounds of a task's inputs (T1, T5, T7); the editor offers these ranges. */
export const TASK_LIMITS = {
  minInactiveDays: 3,
  /** 12 months. */
  maxInactiveDays: 365,
  maxNoticeDays: 30,
  defaultSafetyCap: 100,
  maxSafetyCap: 10_000,
  maxGroups: 50,
  maxProducts: 20,
  maxNameLength: 100,
  maxSeats: 1_000_000,
} as const;

const inactiveDaysSchema = z.number().int().min(TASK_LIMITS.minInactiveDays).max(TASK_LIMITS.maxInactiveDays);

/** Which products a rule looks at: every product the user has (`all`), or these product keys. */
export const taskProductScopeSchema = z.union([z.literal('all'), z.array(productKeySchema).min(1).max(TASK_LIMITS.maxProducts)]);

/** A product on one site: what a revoke removes and what a seat cap counts. */
export const productTargetSchema = z.object({ productKey: productKeySchema, resourceId: z.string().min(1).max(512) }).strict();
export type ProductTarget = z.infer<typeof productTargetSchema>;

/**
 * Who a task is about (T1, T8). `inactive`: no activity for at least N days (never-active users count from the day
 * they were added). `state`: at least the warning (or overdue) threshold of the settings. `never-active`: no
 * activity at all in scope and added more than N days ago. `seat-cap`: keep a product at or under N seats.
 */
export const taskRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inactive'), minInactiveDays: inactiveDaysSchema, products: taskProductScopeSchema }).strict(),
  z.object({ kind: z.literal('state'), state: z.enum(['warning', 'overdue']), products: taskProductScopeSchema }).strict(),
  z.object({ kind: z.literal('never-active'), addedMoreThanDays: inactiveDaysSchema, products: taskProductScopeSchema }).strict(),
  z.object({ kind: z.literal('seat-cap'), product: productTargetSchema, maxSeats: z.number().int().min(0).max(TASK_LIMITS.maxSeats) }).strict(),
]);
export type TaskRule = z.infer<typeof taskRuleSchema>;

const groupIdsSchema = z.array(z.string().min(1).max(256)).max(TASK_LIMITS.maxGroups);

/** Narrows the rule: group membership, managed / external accounts, billable users only. */
export const taskFilterSchema = z
  .object({
    includeGroupIds: groupIdsSchema.default([]),
    excludeGroupIds: groupIdsSchema.default([]),
    accountTypes: z.array(z.enum(['managed', 'external'])).min(1).max(2).default(['managed', 'external']),
    billableOnly: z.boolean().default(false),
  })
  .strict();
export type TaskFilter = z.infer<typeof taskFilterSchema>;

const deactivateSchema = z.object({ type: z.literal('deactivate') }).strict();
const revokeSchema = z.object({ type: z.literal('revoke'), products: z.array(productTargetSchema).min(1).max(TASK_LIMITS.maxProducts) }).strict();

/** A change a task makes to a user: deactivate (managed → disable, external → suspend, as bulk does) or revoke. */
export const taskChangeSchema = z.discriminatedUnion('type', [deactivateSchema, revokeSchema]);
export type TaskChange = z.infer<typeof taskChangeSchema>;

/** What a run does with the users the rule picks: a change, notify only, or propose a change for review (T6). */
export const taskActionSchema = z.discriminatedUnion('type', [
  deactivateSchema,
  revokeSchema,
  z.object({ type: z.literal('notify') }).strict(),
  z.object({ type: z.literal('propose'), change: taskChangeSchema }).strict(),
]);
export type TaskAction = z.infer<typeof taskActionSchema>;

/** Every day, or on chosen weekdays (0 = Sunday .. 6 = Saturday), at an hour in the site's time zone. */
export const taskScheduleSchema = z
  .object({
    days: z.union([z.literal('daily'), z.array(z.number().int().min(0).max(6)).min(1).max(7)]),
    hour: hourSlotSchema,
  })
  .strict();
export type TaskSchedule = z.infer<typeof taskScheduleSchema>;

/** What an administrator edits: a task without its identity and timestamps. */
export const taskDefinitionSchema = z
  .object({
    name: z.string().trim().min(1).max(TASK_LIMITS.maxNameLength),
    enabled: z.boolean().default(true),
    rule: taskRuleSchema,
    filter: taskFilterSchema.default({ includeGroupIds: [], excludeGroupIds: [], accountTypes: ['managed', 'external'], billableOnly: false }),
    action: taskActionSchema,
    schedule: taskScheduleSchema,
    /** T5: days between announcing a user (`users-to-be-changed`) and changing them; 0 changes at once. */
    noticeDays: z.number().int().min(0).max(TASK_LIMITS.maxNoticeDays).default(0),
    /** T7: a run that would change (or announce) more users than this changes nothing and fails. */
    safetyCap: z.number().int().min(1).max(TASK_LIMITS.maxSafetyCap).default(TASK_LIMITS.defaultSafetyCap),
  })
  .strict();
export type TaskDefinition = z.infer<typeof taskDefinitionSchema>;

/** A stored task. A deleted task keeps its record (`deletedAt`) so that its run history and audit stay readable. */
export const taskSchema = taskDefinitionSchema.extend({
  id: z.string().min(1).max(64),
  createdAt: z.date(),
  updatedAt: z.date(),
  createdBy: z.string().nullable(),
  deletedAt: z.date().nullable(),
});
export type Task = z.infer<typeof taskSchema>;

/** The definition part of a stored task (what the editor edits). */
export const definitionOf = (task: Task): TaskDefinition => ({
  name: task.name,
  enabled: task.enabled,
  rule: task.rule,
  filter: task.filter,
  action: task.action,
  schedule: task.schedule,
  noticeDays: task.noticeDays,
  safetyCap: task.safetyCap,
});

/** The change a task's action makes (a proposal's change once approved); null for notify only. */
export const changeOf = (action: TaskAction): TaskChange | null => {
  if (action.type === 'notify') return null;
  return action.type === 'propose' ? action.change : action;
};
