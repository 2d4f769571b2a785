import { z } from 'zod';
import { groupIdSchema, isoInstantSchema, productKeyInputSchema } from './common';

/** Resolver keys of the Automated tasks tab: the list and the editor (T4). */
export const taskResolverKeys = {
  tasksList: 'tasks.list',
  tasksGet: 'tasks.get',
  tasksSave: 'tasks.save',
  tasksDuplicate: 'tasks.duplicate',
  tasksSetEnabled: 'tasks.setEnabled',
  tasksDelete: 'tasks.delete',
} as const;

/** The vocabularies of a task (mirror the core's task model). */
export const taskRuleKinds = ['inactive', 'state', 'never-active', 'seat-cap'] as const;
export type TaskRuleKind = (typeof taskRuleKinds)[number];
export const taskActionTypes = ['deactivate', 'revoke', 'notify', 'propose'] as const;
export type TaskActionType = (typeof taskActionTypes)[number];
export const taskRunStatuses = ['running', 'succeeded', 'partially-failed', 'failed', 'skipped', 'proposed'] as const;
export const taskAccountTypes = ['managed', 'external'] as const;
export const taskWarningCodes = ['task.schedule-after-sync'] as const;
/** Named rules (`validation.<rule>`) a task's validation reports beyond zod's own codes. */
export const taskValidationRuleNames = [
  'task.name-required',
  'task.name-too-long',
  'task.days-out-of-range',
  'task.seats-out-of-range',
  'task.hour-out-of-range',
  'task.notice-out-of-range',
  'task.safety-cap-out-of-range',
  'task.duplicate-weekday',
  'task.group-included-and-excluded',
  'task.schedule-in-sync-slot',
  'task.seat-cap-needs-revoke',
  'task.notice-with-notify-only',
] as const;

/**
 * The shapes of a task as the editor sends it. Only types are checked here; ranges and combinations are the core's
 * (validateTask), which answers VALIDATION_FAILED with a named rule per field (`validation.task.*`).
 */
const int = z.number().int();
const productTargetDtoSchema = z.object({ productKey: productKeyInputSchema, resourceId: z.string().min(1).max(512) }).strict();
export type ProductTargetDto = z.infer<typeof productTargetDtoSchema>;
const productScopeSchema = z.union([z.literal('all'), z.array(productKeyInputSchema).max(100)]);

export const taskRuleDtoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inactive'), minInactiveDays: int, products: productScopeSchema }).strict(),
  z.object({ kind: z.literal('state'), state: z.enum(['warning', 'overdue']), products: productScopeSchema }).strict(),
  z.object({ kind: z.literal('never-active'), addedMoreThanDays: int, products: productScopeSchema }).strict(),
  z.object({ kind: z.literal('seat-cap'), product: productTargetDtoSchema, maxSeats: int }).strict(),
]);
export type TaskRuleDto = z.infer<typeof taskRuleDtoSchema>;

export const taskFilterDtoSchema = z
  .object({
    includeGroupIds: z.array(groupIdSchema).max(100),
    excludeGroupIds: z.array(groupIdSchema).max(100),
    accountTypes: z.array(z.enum(taskAccountTypes)).max(2),
    billableOnly: z.boolean(),
  })
  .strict();
export type TaskFilterDto = z.infer<typeof taskFilterDtoSchema>;

const changeSchemas = [
  z.object({ type: z.literal('deactivate') }).strict(),
  z.object({ type: z.literal('revoke'), products: z.array(productTargetDtoSchema).max(100) }).strict(),
] as const;
export const taskChangeDtoSchema = z.discriminatedUnion('type', [...changeSchemas]);
export type TaskChangeDto = z.infer<typeof taskChangeDtoSchema>;

export const taskActionDtoSchema = z.discriminatedUnion('type', [
  ...changeSchemas,
  z.object({ type: z.literal('notify') }).strict(),
  z.object({ type: z.literal('propose'), change: taskChangeDtoSchema }).strict(),
]);
export type TaskActionDto = z.infer<typeof taskActionDtoSchema>;

/** `days`: every day, or weekdays 0 (Sunday) to 6; `hour` 0..23 in the site's time zone. */
export const taskScheduleDtoSchema = z.object({ days: z.union([z.literal('daily'), z.array(int).max(7)]), hour: int }).strict();
export type TaskScheduleDto = z.infer<typeof taskScheduleDtoSchema>;

/** What the editor edits: everything of a task but its identity and timestamps. */
export const taskDefinitionDtoSchema = z
  .object({
    name: z.string().max(400),
    enabled: z.boolean(),
    rule: taskRuleDtoSchema,
    filter: taskFilterDtoSchema,
    action: taskActionDtoSchema,
    schedule: taskScheduleDtoSchema,
    noticeDays: int,
    safetyCap: int,
  })
  .strict();
export type TaskDefinitionDto = z.infer<typeof taskDefinitionDtoSchema>;

/** A saved task. `groupNames`: the names of the groups its filter names (a group no longer synced is absent). */
export const taskDtoSchema = taskDefinitionDtoSchema.extend({
  id: z.string(),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
  groupNames: z.record(z.string(), z.string()),
});
export type TaskDto = z.infer<typeof taskDtoSchema>;

/** The latest run of a task, for the list's "last outcome"; `reason` a stable code (e.g. `safety-cap-exceeded`). */
export const taskLastRunDtoSchema = z.object({
  status: z.enum(taskRunStatuses),
  reason: z.string().nullable(),
  startedAt: isoInstantSchema,
  finishedAt: isoInstantSchema.nullable(),
});

/** One line of the list: the task, when it runs next (null when disabled) and how its last run ended. */
export const taskListItemSchema = taskDtoSchema.extend({ nextRunAt: isoInstantSchema.nullable(), lastRun: taskLastRunDtoSchema.nullable() });
export type TaskListItemDto = z.infer<typeof taskListItemSchema>;

/** tasks.list: every task (not deleted) by name, with the site's zone and sync hour the schedules are read in. */
export const tasksListPayloadSchema = z.object({}).strict();
export const tasksListSchema = z.object({ timeZone: z.string(), syncHour: z.number(), items: z.array(taskListItemSchema) });
export type TasksListDto = z.infer<typeof tasksListSchema>;

const taskIdSchema = z.string().min(1).max(64);

/** tasks.get: one task (NOT_FOUND when deleted or unknown). */
export const tasksGetPayloadSchema = z.object({ id: taskIdSchema }).strict();

/** Allowed but worth a second look: a schedule in the hours right after the sync in a large organization. */
export const taskWarningDtoSchema = z.object({ code: z.enum(taskWarningCodes), path: z.string(), hoursAfterSync: z.number() });
export type TaskWarningDto = z.infer<typeof taskWarningDtoSchema>;
export const taskSavedSchema = z.object({ task: taskDtoSchema, warnings: z.array(taskWarningDtoSchema) });
export type TaskSavedDto = z.infer<typeof taskSavedSchema>;

/**
 * tasks.save: creates (`id` null) or replaces a task. `expectedUpdatedAt` is the `updatedAt` the editor loaded:
 * CONFLICT when someone saved the task since. Bad input → VALIDATION_FAILED per field, nothing saved.
 */
export const tasksSavePayloadSchema = z
  .object({ id: taskIdSchema.nullable(), expectedUpdatedAt: isoInstantSchema.nullable(), task: taskDefinitionDtoSchema })
  .strict();
export type TasksSavePayload = z.input<typeof tasksSavePayloadSchema>;

/** tasks.duplicate: a disabled copy under `name` (the screen words it, e.g. "Copy of …"). */
export const tasksDuplicatePayloadSchema = z.object({ id: taskIdSchema, name: z.string().max(400) }).strict();

/** tasks.setEnabled: enabling checks the task again (e.g. against a sync hour changed since). */
export const tasksSetEnabledPayloadSchema = z.object({ id: taskIdSchema, enabled: z.boolean() }).strict();

/** tasks.delete: the task stops; its run history and audit stay; its notices are cleared, open proposals rejected. */
export const tasksDeletePayloadSchema = z.object({ id: taskIdSchema }).strict();
export const tasksDeleteSchema = z.object({ deleted: z.literal(true) });

/** The contract entries of the Automated tasks tab's list and editor (merged into `contract`). */
export const tasksContract = {
  [taskResolverKeys.tasksList]: { payload: tasksListPayloadSchema, data: tasksListSchema },
  [taskResolverKeys.tasksGet]: { payload: tasksGetPayloadSchema, data: taskDtoSchema },
  [taskResolverKeys.tasksSave]: { payload: tasksSavePayloadSchema, data: taskSavedSchema },
  [taskResolverKeys.tasksDuplicate]: { payload: tasksDuplicatePayloadSchema, data: taskSavedSchema },
  [taskResolverKeys.tasksSetEnabled]: { payload: tasksSetEnabledPayloadSchema, data: taskSavedSchema },
  [taskResolverKeys.tasksDelete]: { payload: tasksDeletePayloadSchema, data: tasksDeleteSchema },
} as const;
