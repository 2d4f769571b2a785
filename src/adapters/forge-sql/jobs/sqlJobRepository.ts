import { z } from 'zod';
import { DomainError } from '../../../domain/model/errors';
import { jobSpecSchema } from '../../../domain/model/jobSpec';
import { jobKindSchema, jobStatusSchema, type Job, type JobKind } from '../../../domain/model/jobs';
import { accountStatusSchema, groupRefSchema, membershipStatusSchema } from '../../../domain/model/user';
import { actionMethods } from '../../../domain/policy/actionEligibility';
import type { ItemChange, ItemIntent, ItemOutcome, JobItemCounts, JobItemResult, JobRepository } from '../../../domain/ports/jobRepository';
import { decodeCursor, encodeCursor } from '../sql/keyset';
import { multiRowStatements } from '../sql/multiRowStatements';
import { SqlExecutor } from '../sql/sqlExecutor';
import { placeholders, sqlDateTime, sqlInt, sqlJson, toSqlDateTime } from '../sql/sqlValues';

const jobRowSchema = z.object({
  id: z.string(),
  kind: jobKindSchema,
  spec: sqlJson(jobSpecSchema),
  status: jobStatusSchema,
  created_at: sqlDateTime,
  updated_at: sqlDateTime,
  finished_at: sqlDateTime.nullable(),
  created_by: z.string().nullable(),
  phase: z.string(),
  processed: sqlInt,
  total: sqlInt.nullable(),
  succeeded: sqlInt,
  failed: sqlInt,
  skipped: sqlInt,
  attempts: sqlInt,
});
const itemRowSchema = z.object({
  account_id: z.string(),
  status: z.enum(['succeeded', 'failed', 'skipped']),
  reason: z.string().nullable(),
});

/** Creating a job twice (a retried request) keeps the first record and never resets an item's result. */
const itemsInsert = {
  head: 'INSERT INTO job_items (job_id,account_id,status,reason) VALUES',
  tail: 'ON DUPLICATE KEY UPDATE job_id=job_id',
  columns: 4,
};
const resultsUpsert = { ...itemsInsert, tail: 'ON DUPLICATE KEY UPDATE status=VALUES(status),reason=VALUES(reason)' };
/** An intent (with what the item found before) goes only on an item still pending (a result, once written, is never reopened). */
const intentsUpsert = {
  head: 'INSERT INTO job_items (job_id,account_id,status,intent,before_state) VALUES',
  tail: "ON DUPLICATE KEY UPDATE intent=IF(status='pending',VALUES(intent),intent),before_state=IF(status='pending',VALUES(before_state),before_state)",
  columns: 5,
};
const intentSchema = z.object({ method: z.enum(actionMethods), groupIds: z.array(z.string()) });
const beforeSchema = z.object({
  accountStatus: accountStatusSchema,
  membershipStatus: membershipStatusSchema,
  hadProduct: z.boolean().nullable(),
  groups: z.array(groupRefSchema),
});
const intentRowSchema = z.object({ account_id: z.string(), intent: sqlJson(intentSchema), before_state: sqlJson(beforeSchema).nullable() });
const toIntent = (r: z.output<typeof intentRowSchema>): ItemIntent => ({ accountId: r.account_id, ...r.intent, before: r.before_state });
const countRowSchema = z.object({ status: z.string(), n: sqlInt });
const JOB_COLUMNS = 'id,kind,spec,status,created_at,updated_at,finished_at,created_by,phase,processed,total,succeeded,failed,skipped,attempts';
const NEW_JOB_COLUMNS = `${JOB_COLUMNS},reverts_job_id`;
const UNFINISHED = "status IN ('queued','running')";
/** The jobs this repository holds: every kind but the sync, whose rows SqlSyncRunRepository reads with their checkpoints. */
const ITEM_JOBS = "kind <> 'sync'";

const toJob = (row: z.output<typeof jobRowSchema>): Job => {
  if (row.spec.kind !== row.kind) throw new DomainError('INTERNAL', 'Stored job spec is of another kind', { jobId: row.id });
  return {
    id: row.id,
    kind: row.kind,
    spec: row.spec,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    createdBy: row.created_by,
    phase: row.phase,
    processed: row.processed,
    total: row.total,
    succeeded: row.succeeded,
    failed: row.failed,
    skipped: row.skipped,
    attempts: row.attempts,
  };
};

const checkLimit = (limit: number): void => {
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) {
    throw new DomainError('VALIDATION_FAILED', 'limit must be an integer from 1 to 5000', { field: 'limit' });
  }
};

/** JobRepository over Forge SQL (`jobs`, `job_items`): every job with per-user items; `finished_at` is set when one ends. */
export class SqlJobRepository implements JobRepository {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  async create(job: Job, accountIds: readonly string[]): Promise<void> {
    await this.db.execute({
      query: `INSERT INTO jobs (${NEW_JOB_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE id=id`,
      params: [
        job.id, job.kind, JSON.stringify(jobSpecSchema.parse(job.spec)), job.status, toSqlDateTime(job.createdAt), toSqlDateTime(job.updatedAt),
        job.finishedAt === null ? null : toSqlDateTime(job.finishedAt), job.createdBy,
        job.phase, job.processed, job.total, job.succeeded, job.failed, job.skipped, job.attempts, job.spec.kind === 'revert' ? job.spec.revertsJobId : null,
      ],
    });
    const items = [...new Set(accountIds)].map((id) => [job.id, id, 'pending', null]);
    await this.db.executeAll(multiRowStatements(itemsInsert, items));
  }

  async get(id: string): Promise<Job | null> {
    const [row] = await this.db.select(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ? AND ${ITEM_JOBS}`, [id], jobRowSchema);
    return row === undefined ? null : toJob(row);
  }

  async current(kind: JobKind): Promise<Job | null> {
    const [row] = await this.db.select(
      `SELECT ${JOB_COLUMNS} FROM jobs WHERE kind = ? AND ${UNFINISHED} ORDER BY created_at DESC, id DESC LIMIT 1`,
      [kind],
      jobRowSchema,
    );
    return row === undefined ? null : toJob(row);
  }

  async recent(limit: number): Promise<Job[]> {
    checkLimit(limit);
    const rows = await this.db.select(`SELECT ${JOB_COLUMNS} FROM jobs WHERE ${ITEM_JOBS} ORDER BY created_at DESC, id DESC LIMIT ?`, [limit], jobRowSchema);
    return rows.map(toJob);
  }

  async stalled(kind: JobKind, before: Date): Promise<Job[]> {
    const rows = await this.db.select(
      `SELECT ${JOB_COLUMNS} FROM jobs WHERE ${UNFINISHED} AND updated_at < ? AND kind = ? ORDER BY updated_at LIMIT 100`,
      [toSqlDateTime(before), kind],
      jobRowSchema,
    );
    return rows.map(toJob);
  }

  async touchIfStalled(id: string, before: Date, now: Date): Promise<boolean> {
    const affected = await this.db.execute({
      query: `UPDATE jobs SET updated_at=?, attempts=attempts+1 WHERE id=? AND ${UNFINISHED} AND updated_at < ? AND ${ITEM_JOBS}`,
      params: [toSqlDateTime(now), id, toSqlDateTime(before)],
    });
    return affected > 0;
  }

  async update(job: Job): Promise<void> {
    const affected = await this.db.execute({
      query:
        'UPDATE jobs SET status=?, updated_at=?, finished_at=IF(? IN (\'queued\',\'running\'), NULL, COALESCE(finished_at, ?)), ' +
        `phase=?, processed=?, total=?, succeeded=?, failed=?, skipped=?, attempts=? WHERE id=? AND ${ITEM_JOBS}`,
      params: [
        job.status, toSqlDateTime(job.updatedAt), job.status, toSqlDateTime(job.updatedAt), job.phase, job.processed, job.total,
        job.succeeded, job.failed, job.skipped, job.attempts, job.id,
      ],
    });
    if (affected === 0 && (await this.get(job.id)) === null) {
      throw new DomainError('NOT_FOUND', 'No such job', { jobId: job.id });
    }
  }

  async pendingItems(jobId: string, limit: number): Promise<string[]> {
    checkLimit(limit);
    const rows = await this.db.select(
      "SELECT account_id FROM job_items WHERE job_id = ? AND status = 'pending' ORDER BY account_id LIMIT ?",
      [jobId, limit],
      z.object({ account_id: z.string() }),
    );
    return rows.map((r) => r.account_id);
  }

  async recordIntents(jobId: string, intents: readonly ItemIntent[]): Promise<void> {
    const rows = intents.map((i) => [
      jobId, i.accountId, 'pending', JSON.stringify({ method: i.method, groupIds: i.groupIds }), i.before === null ? null : JSON.stringify(i.before),
    ]);
    await this.db.executeAll(multiRowStatements(intentsUpsert, rows));
  }

  intents(jobId: string, accountIds: readonly string[]): Promise<ItemIntent[]> {
    return this.withIntent(jobId, accountIds, 'pending');
  }

  changes(jobId: string, accountIds: readonly string[]): Promise<ItemChange[]> {
    return this.withIntent(jobId, accountIds, 'succeeded');
  }

  /** The intents (with what the items found before) of those of `accountIds` whose item is `status`, by account ID. */
  private async withIntent(jobId: string, accountIds: readonly string[], status: 'pending' | 'succeeded'): Promise<ItemIntent[]> {
    const ids = [...new Set(accountIds)];
    if (ids.length === 0) return [];
    checkLimit(ids.length);
    const rows = await this.db.select(
      `SELECT account_id, intent, before_state FROM job_items WHERE job_id = ? AND account_id IN ${placeholders(ids.length)} ` +
        'AND status = ? AND intent IS NOT NULL ORDER BY account_id',
      [jobId, ...ids, status],
      intentRowSchema,
    );
    return rows.map(toIntent);
  }

  async revertsOf(jobIds: readonly string[]): Promise<Job[]> {
    const ids = [...new Set(jobIds)];
    if (ids.length === 0) return [];
    checkLimit(ids.length);
    const rows = await this.db.select(
      `SELECT ${JOB_COLUMNS} FROM jobs WHERE reverts_job_id IN ${placeholders(ids.length)} ORDER BY created_at DESC, id DESC`,
      ids,
      jobRowSchema,
    );
    const newest = new Map<string, Job>();
    for (const job of rows.map(toJob)) if (job.spec.kind === 'revert' && !newest.has(job.spec.revertsJobId)) newest.set(job.spec.revertsJobId, job);
    return [...newest.values()];
  }

  async recordResults(jobId: string, results: readonly JobItemResult[]): Promise<void> {
    const rows = results.map((r) => [jobId, r.accountId, r.outcome, r.reason]);
    await this.db.executeAll(multiRowStatements(resultsUpsert, rows));
  }

  async results(
    jobId: string,
    limit: number,
    after: string | null,
    outcome?: ItemOutcome,
  ): Promise<{ items: JobItemResult[]; next: string | null }> {
    checkLimit(limit);
    const tag = `job-items:${jobId}:${outcome ?? 'all'}`;
    const from = after === null ? '' : String(decodeCursor(tag, after, 1)[0]);
    const which = outcome === undefined ? "status <> 'pending'" : 'status = ?';
    const rows = await this.db.select(
      `SELECT account_id, status, reason FROM job_items WHERE job_id = ? AND ${which} AND account_id > ? ORDER BY account_id LIMIT ?`,
      outcome === undefined ? [jobId, from, limit + 1] : [jobId, outcome, from, limit + 1],
      itemRowSchema,
    );
    const items = rows.slice(0, limit).map((r) => ({ accountId: r.account_id, outcome: r.status, reason: r.reason }));
    const last = items.at(-1);
    return { items, next: rows.length > limit && last ? encodeCursor(tag, [last.accountId]) : null };
  }

  async itemCounts(jobId: string): Promise<JobItemCounts> {
    const rows = await this.db.select('SELECT status, COUNT(*) AS n FROM job_items WHERE job_id = ? GROUP BY status', [jobId], countRowSchema);
    const of = (status: string): number => rows.find((r) => r.status === status)?.n ?? 0;
    return { pending: of('pending'), succeeded: of('succeeded'), failed: of('failed'), skipped: of('skipped') };
  }
}
