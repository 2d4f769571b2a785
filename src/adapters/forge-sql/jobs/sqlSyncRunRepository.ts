import { z } from 'zod';
import { DomainError } from '../../../domain/model/errors';
import { jobStatusSchema, syncActivitySchema, syncCheckpointSchema, syncJobSpecSchema, type SyncRun } from '../../../domain/model/jobs';
import type { SyncRunRepository } from '../../../domain/ports/syncRunRepository';
import { SqlExecutor } from '../sql/sqlExecutor';
import { sqlDateTime, sqlDateTimeOrNull, sqlInt, sqlJson, toSqlDateTime, toSqlDateTimeOrNull } from '../sql/sqlValues';

const COLUMNS =
  'id,generation,spec,created_by,created_at,finished_at,status,phase,processed,total,api_calls,error_count,checkpoint,activity';
const SYNC = "kind = 'sync'";

/** The checkpoint as stored: JSON, with its one instant as ISO text. */
const storedCheckpointSchema = syncCheckpointSchema.extend({ savedAt: z.iso.datetime().transform((s) => new Date(s)) });
/** The activity stream as stored: JSON, with its one instant as ISO text; NULL for a run without one. */
const storedActivitySchema = syncActivitySchema.extend({ savedAt: z.iso.datetime().transform((s) => new Date(s)) });

const runRowSchema = z.object({
  id: z.string(),
  generation: sqlInt,
  spec: sqlJson(syncJobSpecSchema),
  created_by: z.string().nullable(),
  created_at: sqlDateTime,
  finished_at: sqlDateTimeOrNull,
  status: jobStatusSchema,
  phase: z.string(),
  processed: sqlInt,
  total: sqlInt.nullable(),
  api_calls: sqlInt,
  error_count: sqlInt,
  checkpoint: sqlJson(storedCheckpointSchema),
  activity: sqlJson(storedActivitySchema).nullable(),
});

const toRun = (r: z.output<typeof runRowSchema>): SyncRun => ({
  id: r.id,
  generation: r.generation,
  trigger: r.spec.trigger,
  dataTypes: r.spec.dataTypes,
  groupIds: r.spec.groupIds,
  createdBy: r.created_by,
  startedAt: r.created_at,
  finishedAt: r.finished_at,
  status: r.status,
  phase: r.phase,
  processed: r.processed,
  estimatedTotal: r.total,
  apiCalls: r.api_calls,
  errors: r.error_count,
  checkpoint: r.checkpoint,
  activity: r.activity,
});

const specOf = (run: SyncRun): string =>
  JSON.stringify(syncJobSpecSchema.parse({ kind: 'sync', trigger: run.trigger, dataTypes: run.dataTypes, groupIds: run.groupIds }));

/**
 * SyncRunRepository over Forge SQL: a sync run is the `jobs` row of kind 'sync' (docs/schema.md). `generation` is
 * UNIQUE, so two runs racing for the same generation cannot both be created: the second `create` fails with
 * CONFLICT. Creating the same run twice (a retried slice) is a no-op. `update` writes everything but the activity
 * stream (column `activity`), `updateActivity` only that column, so the run's two streams never overwrite each
 * other; neither changes a run whose status is no longer `running` (a slice that outlived the run's end cannot
 * bring it back). Each write moves `updated_at`, the time the run last made progress.
 */
export class SqlSyncRunRepository implements SyncRunRepository {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  async create(run: SyncRun): Promise<void> {
    // A duplicate id or generation changes nothing; the read-back tells which of the two it was.
    await this.db.execute({
      query:
        'INSERT INTO jobs (id,kind,generation,spec,created_by,created_at,updated_at,finished_at,status,phase,processed,total,' +
        "api_calls,error_count,checkpoint,activity) VALUES (?,'sync',?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE id=id",
      params: [
        run.id, run.generation, specOf(run), run.createdBy, toSqlDateTime(run.startedAt), toSqlDateTime(run.checkpoint.savedAt),
        toSqlDateTimeOrNull(run.finishedAt), run.status, run.phase, run.processed, run.estimatedTotal, run.apiCalls, run.errors,
        JSON.stringify(run.checkpoint), run.activity === null ? null : JSON.stringify(run.activity),
      ],
    });
    const stored = await this.get(run.id);
    if (stored?.generation !== run.generation) {
      throw new DomainError('CONFLICT', 'Sync generation already used', { generation: run.generation });
    }
  }

  async update(run: SyncRun): Promise<void> {
    const affected = await this.db.execute({
      query:
        'UPDATE jobs SET updated_at=?, finished_at=?, status=?, phase=?, processed=?, total=?, api_calls=?, error_count=?, ' +
        `checkpoint=? WHERE id=? AND ${SYNC} AND status='running'`,
      params: [
        toSqlDateTime(run.checkpoint.savedAt), toSqlDateTimeOrNull(run.finishedAt), run.status, run.phase, run.processed,
        run.estimatedTotal, run.apiCalls, run.errors, JSON.stringify(run.checkpoint), run.id,
      ],
    });
    if (affected === 0 && (await this.get(run.id)) === null) {
      throw new DomainError('NOT_FOUND', 'No such sync run', { runId: run.id });
    }
  }

  async updateActivity(run: SyncRun): Promise<void> {
    if (run.activity === null) return;
    await this.db.execute({
      query: `UPDATE jobs SET activity=?, updated_at=GREATEST(updated_at, ?) WHERE id=? AND ${SYNC} AND status='running'`,
      params: [JSON.stringify(run.activity), toSqlDateTime(run.activity.savedAt), run.id],
    });
  }

  async get(id: string): Promise<SyncRun | null> {
    const [row] = await this.db.select(`SELECT ${COLUMNS} FROM jobs WHERE id = ? AND ${SYNC}`, [id], runRowSchema);
    return row === undefined ? null : toRun(row);
  }

  async latest(): Promise<SyncRun | null> {
    return (await this.history(1))[0] ?? null;
  }

  async history(limit: number): Promise<SyncRun[]> {
    // Only sync jobs have a generation: the unique index read backwards is the newest runs first.
    const rows = await this.db.select(
      `SELECT ${COLUMNS} FROM jobs WHERE generation IS NOT NULL AND ${SYNC} ORDER BY generation DESC LIMIT ?`,
      [Math.min(Math.max(Math.trunc(limit), 1), 500)],
      runRowSchema,
    );
    return rows.map(toRun);
  }

  async latestScheduled(): Promise<SyncRun | null> {
    const [row] = await this.db.select(
      `SELECT ${COLUMNS} FROM jobs WHERE generation IS NOT NULL AND ${SYNC} ` +
        "AND JSON_UNQUOTE(JSON_EXTRACT(spec, '$.trigger')) = 'schedule' ORDER BY generation DESC LIMIT 1",
      [],
      runRowSchema,
    );
    return row === undefined ? null : toRun(row);
  }

  async nextGeneration(): Promise<number> {
    const [row] = await this.db.select('SELECT COALESCE(MAX(generation), 0) + 1 AS n FROM jobs', [], z.object({ n: sqlInt }));
    return row?.n ?? 1;
  }
}
