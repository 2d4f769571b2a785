import { z } from 'zod';
import { definitionOf, taskDefinitionSchema, type Task } from '../../../domain/model/task';
import { taskRunReasonSchema, taskRunSchema, taskRunStatusSchema, type TaskRun } from '../../../domain/model/taskRecords';
import { sqlBool, sqlDateTime, sqlDateTimeOrNull, sqlInt, sqlJson, toSqlBool, toSqlDateTime, toSqlDateTimeOrNull, type SqlValue } from '../sql/sqlValues';

/** What `tasks.definition` holds: the definition but its name and enabled flag, which have columns of their own. */
const storedDefinitionSchema = taskDefinitionSchema.omit({ name: true, enabled: true });

export const TASK_COLUMNS = 'id,name,enabled,definition,created_at,updated_at,created_by,deleted_at';

export const taskRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: sqlBool,
  definition: sqlJson(storedDefinitionSchema),
  created_at: sqlDateTime,
  updated_at: sqlDateTime,
  created_by: z.string().nullable(),
  deleted_at: sqlDateTimeOrNull,
});

export const toTask = (row: z.output<typeof taskRowSchema>): Task => ({
  id: row.id,
  name: row.name,
  enabled: row.enabled,
  ...row.definition,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  createdBy: row.created_by,
  deletedAt: row.deleted_at,
});

/** What an edit replaces: the name, the enabled flag and the definition (validated before it is stored). */
export const taskContent = (task: Task): [name: string, enabled: number, definition: string] => {
  const { name, enabled, ...stored } = definitionOf(task);
  return [name, toSqlBool(enabled), JSON.stringify(storedDefinitionSchema.parse(stored))];
};

/** The task's row values in TASK_COLUMNS order. */
export const taskValues = (task: Task): SqlValue[] => [
  task.id, ...taskContent(task), toSqlDateTime(task.createdAt), toSqlDateTime(task.updatedAt), task.createdBy, toSqlDateTimeOrNull(task.deletedAt),
];

export const RUN_COLUMNS = 'id,task_id,trig,slot_at,started_at,finished_at,status,reason,matched,changed,failed,skipped,announced,job_id';

export const runRowSchema = z.object({
  id: z.string(),
  task_id: z.string(),
  trig: taskRunSchema.shape.trigger,
  slot_at: sqlDateTimeOrNull,
  started_at: sqlDateTime,
  finished_at: sqlDateTimeOrNull,
  status: taskRunStatusSchema,
  reason: taskRunReasonSchema.nullable(),
  matched: sqlInt,
  changed: sqlInt,
  failed: sqlInt,
  skipped: sqlInt,
  announced: sqlInt,
  job_id: z.string().nullable(),
});

export const toRun = (row: z.output<typeof runRowSchema>): TaskRun => ({
  id: row.id,
  taskId: row.task_id,
  trigger: row.trig,
  slotAt: row.slot_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  status: row.status,
  reason: row.reason,
  counts: { matched: row.matched, changed: row.changed, failed: row.failed, skipped: row.skipped, announced: row.announced },
  jobId: row.job_id,
});

/** The run's row values in RUN_COLUMNS order (validated first: counts are non-negative integers). */
export const runValues = (run: TaskRun): SqlValue[] => {
  const r = taskRunSchema.parse(run);
  const c = r.counts;
  return [
    r.id, r.taskId, r.trigger, toSqlDateTimeOrNull(r.slotAt), toSqlDateTime(r.startedAt), toSqlDateTimeOrNull(r.finishedAt),
    r.status, r.reason, c.matched, c.changed, c.failed, c.skipped, c.announced, r.jobId,
  ];
};
