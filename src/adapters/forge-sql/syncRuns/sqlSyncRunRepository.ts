import { z } from 'zod';
import { DomainError } from '../../../domain/model/errors';
import { jobStatusSchema, syncActivitySchema, syncCheckpointSchema, syncDataTypeSchema, type SyncRun } from '../../../domain/model/jobs';
import type { SyncRunRepository } from '../../../domain/ports/syncRunRepository';
import { SqlExecutor } from '../sql/sqlExecutor';
import { sqlDateTime, sqlDateTimeOrNull, sqlInt, sqlJson, toSqlDateTime, toSqlDateTimeOrNull } from '../sql/sqlValues';

const COLUMNS =
  'id,generation,run_trigger,data_types,group_ids,started_at,finished_at,status,phase,processed,estimated_total,' +
  'api_calls,error_count,checkpoint,activity';

/** The checkpoint as stored: JSON, with its one instant as ISO text. */
const storedCheckpointSchema = syncCheckpointSchema.extend({ savedAt: z.iso.datetime().transform((s) => new Date(s)) });
/** The activity stream as stored: JSON, with its one instant as ISO text; NULL for a run without one. */
const storedActivitySchema = syncActivitySchema.extend({ savedAt: z.iso.datetime().transform((s) => new Date(s)) });

const runRowSchema = z.object({
  id: z.string(),
  generation: sqlInt,
  run_trigger: z.enum(['schedule', 'manual', 'task']),
  data_types: sqlJson(z.array(syncDataTypeSchema).min(1)),
  group_ids: sqlJson(z.array(z.string())),
  started_at: sqlDateTime,
  finished_at: sqlDateTimeOrNull,
  status: jobStatusSchema,
  phase: z.string(),
  processed: sqlInt,
  estimated_total: sqlInt.nullable(),
  api_calls: sqlInt,
  error_count: sqlInt,
  checkpoint: sqlJson(storedCheckpointSchema),
  activity: sqlJson(storedActivitySchema).nullable(),
});

const toRun = (r: z.output<typeof runRowSchema>): SyncRun => ({
  id: r.id,
  generation: r.generation,
  trigger: r.run_trigger,
  dataTypes: r.data_types,
  groupIds: r.group_ids,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  status: r.status,
  phase: r.phase,
  processed: r.processed,
  estimatedTotal: r.estimated_total,
  apiCalls: r.api_calls,
  errors: r.error_count,
  checkpoint: r.checkpoint,
  activity: r.activity,
});

/**
 * SyncRunRepository over Forge SQL (`sync_runs`). `generation` is UNIQUE, so two runs racing for the
 * same generation cannot both be created: the second `create` fails with CONFLICT. Creating the same
 * run twice (a retried slice) is a no-op. `update` writes everything but the activity stream (column `activity`),
 * `updateActivity` only that column, so the run's two streams never overwrite each other; neither changes a run
 * whose status is no longer `running` (a slice that outlived the run's end cannot bring it back).
 */
export class SqlSyncRunRepository implements SyncRunRepository {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  async create(run: SyncRun): Promise<void> {
    // A duplicate id or generation changes nothing; the read-back tells which of the two it was.
    await this.db.execute({
      query: `INSERT INTO sync_runs (${COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE id=id`,
      params: [
        run.id, run.generation, run.trigger, JSON.stringify(run.dataTypes), JSON.stringify(run.groupIds),
        toSqlDateTime(run.startedAt), toSqlDateTimeOrNull(run.finishedAt), run.status, run.phase, run.processed,
        run.estimatedTotal, run.apiCalls, run.errors, JSON.stringify(run.checkpoint),
        run.activity === null ? null : JSON.stringify(run.activity),
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
        'UPDATE sync_runs SET finished_at=?, status=?, phase=?, processed=?, estimated_total=?, api_calls=?, ' +
        'error_count=?, checkpoint=? WHERE id=? AND status=?',
      params: [
        toSqlDateTimeOrNull(run.finishedAt), run.status, run.phase, run.processed, run.estimatedTotal, run.apiCalls,
        run.errors, JSON.stringify(run.checkpoint), run.id, 'running',
      ],
    });
    if (affected === 0 && (await this.get(run.id)) === null) {
      throw new DomainError('NOT_FOUND', 'No such sync run', { runId: run.id });
    }
  }

  async updateActivity(run: SyncRun): Promise<void> {
    await this.db.execute({
      query: "UPDATE sync_runs SET activity=? WHERE id=? AND status='running'",
      params: [run.activity === null ? null : JSON.stringify(run.activity), run.id],
    });
  }

  async get(id: string): Promise<SyncRun | null> {
    const [row] = await this.db.select(`SELECT ${COLUMNS} FROM sync_runs WHERE id = ?`, [id], runRowSchema);
    return row === undefined ? null : toRun(row);
  }

  async latest(): Promise<SyncRun | null> {
    return (await this.history(1))[0] ?? null;
  }

  async history(limit: number): Promise<SyncRun[]> {
    const rows = await this.db.select(
      `SELECT ${COLUMNS} FROM sync_runs ORDER BY generation DESC LIMIT ?`,
      [Math.min(Math.max(Math.trunc(limit), 1), 500)],
      runRowSchema,
    );
    return rows.map(toRun);
  }

  async nextGeneration(): Promise<number> {
    const [row] = await this.db.select(
      'SELECT COALESCE(MAX(generation), 0) + 1 AS n FROM sync_runs',
      [],
      z.object({ n: sqlInt }),
    );
    return row?.n ?? 1;
  }
}
