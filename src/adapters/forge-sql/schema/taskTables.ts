import { TABLE_OPTIONS } from './directoryTables';

/**
 * Migrations v015/v016 created placeholder task tables that nothing ever wrote; the tables below replace them (a
 * released migration is never edited, so they are dropped by a migration of their own, which is idempotent).
 */
export const dropPlaceholderTaskTables = 'DROP TABLE IF EXISTS automated_tasks, task_runs';

/**
 * Automated tasks (T1-T4): `definition` is the validated rule, filter, action, schedule, notice period and safety cap
 * as JSON (a few hundred bytes); `deleted_at` set on delete (history and audit stay readable). An organization has
 * tens of tasks: the list is a scan, no index needed.
 */
export const createTasks = `CREATE TABLE IF NOT EXISTS tasks (
  id VARCHAR(64) NOT NULL,
  name VARCHAR(255) NOT NULL,
  enabled TINYINT NOT NULL,
  definition TEXT NOT NULL,
  created_at DATETIME(3) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  created_by VARCHAR(128) NULL,
  deleted_at DATETIME(3) NULL,
  PRIMARY KEY (id)
) ${TABLE_OPTIONS}`;

/**
 * One row per task run (T3), kept after the task is deleted; per-user results live with its job. `slot_at` (NULL
 * for runs by hand or by a caller) is UNIQUE per task, so two ticks cannot start the same scheduled run twice.
 * History and the newest run read (task_id, started_at, id); healing and overlap checks read (status, started_at).
 */
export const createTaskRuns = `CREATE TABLE IF NOT EXISTS task_runs (
  id VARCHAR(64) NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  trig VARCHAR(8) NOT NULL,
  slot_at DATETIME(3) NULL,
  started_at DATETIME(3) NOT NULL,
  finished_at DATETIME(3) NULL,
  status VARCHAR(24) NOT NULL,
  reason VARCHAR(64) NULL,
  matched INT NOT NULL,
  changed INT NOT NULL,
  failed INT NOT NULL,
  skipped INT NOT NULL,
  announced INT NOT NULL,
  job_id VARCHAR(64) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_task_runs_slot (task_id, slot_at),
  INDEX idx_task_runs_task (task_id, started_at, id),
  INDEX idx_task_runs_status (status, started_at)
) ${TABLE_OPTIONS}`;

/**
 * T5: who each task announced and when, clustered by task (a run reads and clears its own task's notices). At most
 * a few safety caps' worth per task.
 */
export const createTaskNotices = `CREATE TABLE IF NOT EXISTS task_notices (
  task_id VARCHAR(64) NOT NULL,
  account_id VARCHAR(128) NOT NULL,
  announced_at DATETIME(3) NOT NULL,
  planned_change_at DATETIME(3) NULL,
  PRIMARY KEY (task_id, account_id)
) ${TABLE_OPTIONS}`;

/**
 * T6: plans waiting for review. `change` and `account_ids` are JSON (at most a safety cap of account IDs: under half
 * a MiB); `decided_by` the deciding actor as JSON. One proposal per run (`run_id` UNIQUE); the review list and the
 * expiry read (status, created_at).
 */
export const createTaskProposals = `CREATE TABLE IF NOT EXISTS task_proposals (
  id VARCHAR(64) NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  run_id VARCHAR(64) NOT NULL,
  change_json TEXT NOT NULL,
  account_ids MEDIUMTEXT NOT NULL,
  created_at DATETIME(3) NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  status VARCHAR(12) NOT NULL,
  decided_at DATETIME(3) NULL,
  decided_by VARCHAR(255) NULL,
  job_id VARCHAR(64) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_task_proposals_run (run_id),
  INDEX idx_task_proposals_status (status, created_at, id)
) ${TABLE_OPTIONS}`;
