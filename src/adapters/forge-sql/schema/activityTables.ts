import { TABLE_OPTIONS } from './directoryTables';

/**
 * Append-only audit (A1-A3). Every A2 filter has an index ending in (at, id), the keyset order of the
 * log, so a filtered page is one index range read backwards. `actor_id` is '' for the system.
 */
export const createAuditLog = `CREATE TABLE IF NOT EXISTS audit_log (
  id VARCHAR(64) NOT NULL,
  at DATETIME(3) NOT NULL,
  actor_kind VARCHAR(8) NOT NULL,
  actor_id VARCHAR(128) NOT NULL,
  action VARCHAR(32) NOT NULL,
  target_account_id VARCHAR(128) NULL,
  outcome VARCHAR(16) NOT NULL,
  reason VARCHAR(128) NULL,
  details TEXT NOT NULL,
  job_id VARCHAR(64) NULL,
  PRIMARY KEY (id),
  INDEX idx_audit_at (at, id),
  INDEX idx_audit_action (action, at, id),
  INDEX idx_audit_actor (actor_id, at, id),
  INDEX idx_audit_target (target_account_id, at, id),
  INDEX idx_audit_outcome (outcome, at, id),
  INDEX idx_audit_job (job_id, at, id)
) ${TABLE_OPTIONS}`;

/**
 * Every job run from the queue: syncs, bulk actions (and later task runs and reverts). Each row has its kind, its spec
 * (what it does and for whom, zod-checked JSON), status, progress, creator and times. A sync also keeps its generation
 * (unique; NULL for other kinds), API calls, errors and the resumable checkpoints of its two streams (JSON,
 * `checkpoint` and `activity`, written apart: docs/sync.md). The job of a kind running now is `idx_jobs_open`; the
 * Jobs view reads `idx_jobs_created`; the hourly tick finds stalled jobs by `idx_jobs_status`.
 */
export const createJobs = `CREATE TABLE IF NOT EXISTS jobs (
  id VARCHAR(64) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  spec TEXT NOT NULL,
  status VARCHAR(24) NOT NULL,
  created_at DATETIME(3) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  finished_at DATETIME(3) NULL,
  created_by VARCHAR(128) NULL,
  phase VARCHAR(64) NOT NULL,
  processed INT NOT NULL,
  total INT NULL,
  succeeded INT NOT NULL DEFAULT 0,
  failed INT NOT NULL DEFAULT 0,
  skipped INT NOT NULL DEFAULT 0,
  attempts INT NOT NULL DEFAULT 0,
  api_calls INT NOT NULL DEFAULT 0,
  error_count INT NOT NULL DEFAULT 0,
  generation INT NULL,
  checkpoint MEDIUMTEXT NULL,
  activity MEDIUMTEXT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_jobs_generation (generation),
  INDEX idx_jobs_open (kind, status, created_at),
  INDEX idx_jobs_created (created_at, id),
  INDEX idx_jobs_status (status, updated_at)
) ${TABLE_OPTIONS}`;

/**
 * One row per user a job acts on; `status` is 'pending' until a slice records its result. `intent` (JSON: method
 * and group ids) is written before the item's outside call: a pending item with an intent is started.
 */
export const createJobItems = `CREATE TABLE IF NOT EXISTS job_items (
  job_id VARCHAR(64) NOT NULL,
  account_id VARCHAR(128) NOT NULL,
  status VARCHAR(16) NOT NULL,
  reason VARCHAR(128) NULL,
  intent TEXT NULL,
  PRIMARY KEY (job_id, account_id),
  INDEX idx_job_items_status (job_id, status, account_id),
  INDEX idx_job_items_account (account_id)
) ${TABLE_OPTIONS}`;

/** The first schema's placeholder for tasks, never written; v019 drops it (taskTables.ts has the tables in use). */
export const createPlaceholderTasks = `CREATE TABLE IF NOT EXISTS automated_tasks (
  id VARCHAR(64) NOT NULL,
  name VARCHAR(255) NOT NULL,
  enabled TINYINT NOT NULL,
  definition TEXT NOT NULL,
  schedule_kind VARCHAR(8) NOT NULL,
  schedule_hour TINYINT NOT NULL,
  schedule_weekday TINYINT NULL,
  next_run_at DATETIME(3) NULL,
  created_at DATETIME(3) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  INDEX idx_tasks_due (enabled, next_run_at)
) ${TABLE_OPTIONS}`;

/** The first schema's placeholder for task runs, never written; v019 drops it and v021 creates `task_runs` anew. */
export const createPlaceholderTaskRuns = `CREATE TABLE IF NOT EXISTS task_runs (
  id VARCHAR(64) NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  job_id VARCHAR(64) NULL,
  dry_run TINYINT NOT NULL,
  started_at DATETIME(3) NOT NULL,
  finished_at DATETIME(3) NULL,
  status VARCHAR(24) NOT NULL,
  affected INT NOT NULL,
  succeeded INT NOT NULL,
  failed INT NOT NULL,
  skipped INT NOT NULL,
  PRIMARY KEY (id),
  INDEX idx_task_runs_task (task_id, started_at)
) ${TABLE_OPTIONS}`;

/**
 * B5: what a job item found before its change (JSON: account and membership status, whether the user had the job's
 * product, the groups the change touched with their names), written with the item's intent. A revert restores it.
 */
export const addJobItemsBefore = 'ALTER TABLE job_items ADD COLUMN IF NOT EXISTS before_state TEXT NULL';

/** B5: the job a revert undoes (NULL for other kinds), so the reverted job can show its revert. */
export const addJobsRevertsJobId = 'ALTER TABLE jobs ADD COLUMN IF NOT EXISTS reverts_job_id VARCHAR(64) NULL';
export const createJobsRevertsIndex = 'CREATE INDEX IF NOT EXISTS idx_jobs_reverts ON jobs (reverts_job_id, created_at)';
