import type { Task } from '../model/task';
import type { TaskRun, TaskRunStatus } from '../model/taskRecords';
import type { Page } from './directoryReader';

/**
 * Automated tasks (T4), their runs and run history (T3). A deleted task keeps its record (`deletedAt` set) and its
 * runs: history and audit stay readable; it is no longer listed as a task nor run. Per-user results of a run live
 * with its job (`JobRepository.results` of `run.jobId`), as for bulk actions.
 */
export interface TaskRepository {
  /** Tasks not deleted, by name then ID. */
  list(): Promise<Task[]>;
  /** A task, deleted or not; null when there is no such ID. */
  get(id: string): Promise<Task | null>;
  /**
   * Creates or replaces a task. `expectedUpdatedAt` (the `updatedAt` the editor loaded; null for a new task) guards
   * against two admins editing at once: throws CONFLICT when the stored task has moved on.
   */
  save(task: Task, expectedUpdatedAt: Date | null): Promise<void>;
  /** Marks the task deleted at `at`; idempotent. Its notices and pending proposals are the caller's to clear. */
  markDeleted(id: string, at: Date): Promise<void>;

  /**
   * Records a run as started. Idempotent per (task, `slotAt`) for scheduled runs: a second tick for the same slot
   * gets the first run back (and `created` false) instead of a second run.
   */
  startRun(run: TaskRun): Promise<{ run: TaskRun; created: boolean }>;
  /** Status, reason, counts, job and finish time of a run; the rest never changes. */
  updateRun(run: TaskRun): Promise<void>;
  getRun(id: string): Promise<TaskRun | null>;
  /** A task's runs, newest first, keyset-paged (run history; kept after the task is deleted). */
  runs(taskId: string, limit: number, after: string | null): Promise<Page<TaskRun>>;
  /** The newest run of a task started by its schedule: what `dueTaskRun` compares the due slot with. */
  latestScheduledRun(taskId: string): Promise<TaskRun | null>;
  /** The newest run of each task, for the list's "last outcome". */
  latestRuns(taskIds: readonly string[]): Promise<Map<string, TaskRun>>;
  /** Runs with one of `statuses` (e.g. `running` to heal, or to keep tasks and syncs apart). */
  runsWithStatus(statuses: readonly TaskRunStatus[], limit: number): Promise<TaskRun[]>;
}
