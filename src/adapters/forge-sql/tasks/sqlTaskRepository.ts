import { DomainError } from '../../../domain/model/errors';
import type { Task } from '../../../domain/model/task';
import type { TaskRun, TaskRunStatus } from '../../../domain/model/taskRecords';
import type { Page } from '../../../domain/ports/directoryReader';
import type { TaskRepository } from '../../../domain/ports/taskRepository';
import { afterKey, decodeCursor, encodeCursor, orderBy, type KeysetOrder } from '../sql/keyset';
import { chunked } from '../sql/multiRowStatements';
import { SqlExecutor } from '../sql/sqlExecutor';
import { allOf, placeholders, toSqlDateTime, toSqlDateTimeOrNull, type SqlFragment } from '../sql/sqlValues';
import { RUN_COLUMNS, runRowSchema, runValues, TASK_COLUMNS, taskContent, taskRowSchema, taskValues, toRun, toTask } from './taskRows';

const HISTORY: KeysetOrder = { columns: ['started_at', 'id'], direction: 'desc' };
const TAG = 'task-runs';
const MAX_LIMIT = 200;
/** Tasks per statement of `latestRuns` (one small subquery each). */
const LATEST_CHUNK = 50;

const checkLimit = (limit: number): void => {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new DomainError('VALIDATION_FAILED', `limit must be an integer from 1 to ${String(MAX_LIMIT)}`, { field: 'limit' });
  }
};

/**
 * TaskRepository over Forge SQL (tables `tasks` and `task_runs`, docs/schema.md). A save checks the stored
 * `updated_at` in the UPDATE itself, so of two admins saving at once one wins and the other gets CONFLICT; a retried
 * save that already landed is accepted. `slot_at` is UNIQUE per task, so a scheduled run is recorded once.
 */
export class SqlTaskRepository implements TaskRepository {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  async list(): Promise<Task[]> {
    const rows = await this.db.select(`SELECT ${TASK_COLUMNS} FROM tasks WHERE deleted_at IS NULL ORDER BY name, id`, [], taskRowSchema);
    return rows.map(toTask);
  }

  async get(id: string): Promise<Task | null> {
    const [row] = await this.db.select(`SELECT ${TASK_COLUMNS} FROM tasks WHERE id = ?`, [id], taskRowSchema);
    return row === undefined ? null : toTask(row);
  }

  async save(task: Task, expectedUpdatedAt: Date | null): Promise<void> {
    if (expectedUpdatedAt === null) {
      const values = taskValues(task);
      await this.db.execute({
        query: `INSERT INTO tasks (${TASK_COLUMNS}) VALUES ${placeholders(values.length)} ON DUPLICATE KEY UPDATE id=id`,
        params: values,
      });
    } else {
      const changed = await this.db.execute({
        query: 'UPDATE tasks SET name=?, enabled=?, definition=?, updated_at=? WHERE id=? AND deleted_at IS NULL AND updated_at=?',
        params: [...taskContent(task), toSqlDateTime(task.updatedAt), task.id, toSqlDateTime(expectedUpdatedAt)],
      });
      if (changed > 0) return;
    }
    const stored = await this.get(task.id);
    if (stored === null || (expectedUpdatedAt !== null && stored.deletedAt !== null)) {
      throw new DomainError('NOT_FOUND', 'No such task', { taskId: task.id });
    }
    // Only this save (or its earlier attempt) wrote this updated_at; anything else means another save came first.
    if (stored.updatedAt.getTime() !== task.updatedAt.getTime()) {
      throw new DomainError('CONFLICT', 'The task was changed by someone else', { taskId: task.id });
    }
  }

  async markDeleted(id: string, at: Date): Promise<void> {
    const changed = await this.db.execute({ query: 'UPDATE tasks SET deleted_at=? WHERE id=? AND deleted_at IS NULL', params: [toSqlDateTime(at), id] });
    if (changed === 0 && (await this.get(id)) === null) throw new DomainError('NOT_FOUND', 'No such task', { taskId: id });
  }

  async startRun(run: TaskRun): Promise<{ run: TaskRun; created: boolean }> {
    const existing = await this.sameRun(run);
    if (existing !== null) return { run: existing, created: false };
    const values = runValues(run);
    // A run of the same slot recorded in between (another tick) makes this insert a no-op: the read-back tells.
    await this.db.execute({ query: `INSERT INTO task_runs (${RUN_COLUMNS}) VALUES ${placeholders(values.length)} ON DUPLICATE KEY UPDATE id=id`, params: values });
    const stored = await this.sameRun(run);
    if (stored === null) throw new DomainError('INTERNAL', 'Task run not recorded', { runId: run.id });
    return { run: stored, created: stored.id === run.id };
  }

  /** The recorded run with this run's ID, or of its task and slot. */
  private async sameRun(run: TaskRun): Promise<TaskRun | null> {
    const bySlot = run.slotAt === null ? '' : ' OR (task_id = ? AND slot_at = ?)';
    const [row] = await this.db.select(
      `SELECT ${RUN_COLUMNS} FROM task_runs WHERE id = ?${bySlot} LIMIT 1`,
      run.slotAt === null ? [run.id] : [run.id, run.taskId, toSqlDateTime(run.slotAt)],
      runRowSchema,
    );
    return row === undefined ? null : toRun(row);
  }

  async updateRun(run: TaskRun): Promise<void> {
    const c = run.counts;
    const changed = await this.db.execute({
      query: 'UPDATE task_runs SET status=?, reason=?, matched=?, changed=?, failed=?, skipped=?, announced=?, job_id=?, finished_at=? WHERE id=?',
      params: [run.status, run.reason, c.matched, c.changed, c.failed, c.skipped, c.announced, run.jobId, toSqlDateTimeOrNull(run.finishedAt), run.id],
    });
    if (changed === 0 && (await this.getRun(run.id)) === null) throw new DomainError('NOT_FOUND', 'No such task run', { runId: run.id });
  }

  async getRun(id: string): Promise<TaskRun | null> {
    const [row] = await this.db.select(`SELECT ${RUN_COLUMNS} FROM task_runs WHERE id = ?`, [id], runRowSchema);
    return row === undefined ? null : toRun(row);
  }

  async runs(taskId: string, limit: number, after: string | null): Promise<Page<TaskRun>> {
    checkLimit(limit);
    const where: SqlFragment[] = [{ sql: 'task_id = ?', params: [taskId] }];
    if (after !== null) {
      const [at, id] = decodeCursor(TAG, after, 2);
      if (typeof at !== 'number' || typeof id !== 'string') throw new DomainError('VALIDATION_FAILED', 'Invalid page cursor', { field: 'after' });
      where.push(afterKey(HISTORY, [toSqlDateTime(new Date(at)), id]));
    }
    const w = allOf(where);
    const rows = await this.db.select(
      `SELECT ${RUN_COLUMNS} FROM task_runs WHERE ${w.sql} ORDER BY ${orderBy(HISTORY)} LIMIT ?`,
      [...w.params, limit + 1],
      runRowSchema,
    );
    const items = rows.slice(0, limit).map(toRun);
    const last = items.at(-1);
    return { items, next: rows.length > limit && last !== undefined ? encodeCursor(TAG, [last.startedAt.getTime(), last.id]) : null };
  }

  async latestScheduledRun(taskId: string): Promise<TaskRun | null> {
    const [row] = await this.db.select(
      `SELECT ${RUN_COLUMNS} FROM task_runs WHERE task_id = ? AND slot_at IS NOT NULL ORDER BY slot_at DESC LIMIT 1`,
      [taskId],
      runRowSchema,
    );
    return row === undefined ? null : toRun(row);
  }

  async latestRuns(taskIds: readonly string[]): Promise<Map<string, TaskRun>> {
    const latest = new Map<string, TaskRun>();
    for (const chunk of chunked([...new Set(taskIds)], LATEST_CHUNK)) {
      const one = `(SELECT ${RUN_COLUMNS} FROM task_runs WHERE task_id = ? ORDER BY ${orderBy(HISTORY)} LIMIT 1)`;
      const rows = await this.db.select(chunk.map(() => one).join(' UNION ALL '), chunk, runRowSchema);
      for (const row of rows) latest.set(row.task_id, toRun(row));
    }
    return latest;
  }

  async runsWithStatus(statuses: readonly TaskRunStatus[], limit: number): Promise<TaskRun[]> {
    checkLimit(limit);
    const wanted = [...new Set(statuses)];
    if (wanted.length === 0) return [];
    const rows = await this.db.select(
      `SELECT ${RUN_COLUMNS} FROM task_runs WHERE status IN ${placeholders(wanted.length)} ORDER BY started_at, id LIMIT ?`,
      [...wanted, limit],
      runRowSchema,
    );
    return rows.map(toRun);
  }
}
