import { z } from 'zod';
import { auditActorSchema, type AuditActor } from '../../../domain/model/audit';
import { DomainError } from '../../../domain/model/errors';
import { taskChangeSchema } from '../../../domain/model/task';
import { proposalStatusSchema, taskProposalSchema, type ProposalStatus, type TaskProposal } from '../../../domain/model/taskRecords';
import type { TaskProposalRepository } from '../../../domain/ports/taskProposalRepository';
import { SqlExecutor } from '../sql/sqlExecutor';
import { placeholders, sqlDateTime, sqlDateTimeOrNull, sqlJson, toSqlDateTime, toSqlDateTimeOrNull } from '../sql/sqlValues';

const COLUMNS = 'id,task_id,run_id,change_json,account_ids,created_at,expires_at,status,decided_at,decided_by,job_id';
const MAX_LIMIT = 200;

const rowSchema = z.object({
  id: z.string(),
  task_id: z.string(),
  run_id: z.string(),
  change_json: sqlJson(taskChangeSchema),
  account_ids: sqlJson(z.array(z.string().min(1))),
  created_at: sqlDateTime,
  expires_at: sqlDateTime,
  status: proposalStatusSchema,
  decided_at: sqlDateTimeOrNull,
  decided_by: sqlJson(auditActorSchema).nullable(),
  job_id: z.string().nullable(),
});
const idSchema = z.object({ id: z.string() });

const toProposal = (r: z.output<typeof rowSchema>): TaskProposal => ({
  id: r.id,
  taskId: r.task_id,
  runId: r.run_id,
  change: r.change_json,
  accountIds: r.account_ids,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  status: r.status,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  jobId: r.job_id,
});

/**
 * TaskProposalRepository over Forge SQL (table `task_proposals`, docs/schema.md). Deciding and expiring are
 * conditional UPDATEs on `status = 'pending'`: the database lets exactly one of two racing decisions (or a decision
 * and the expiry) change the row. Lists read IDs first and then each proposal, since one proposal may hold a safety
 * cap of account IDs (a few hundred KiB) and a whole list would not fit one answer.
 */
export class SqlTaskProposalRepository implements TaskProposalRepository {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  async create(proposal: TaskProposal): Promise<TaskProposal> {
    const p = taskProposalSchema.parse(proposal);
    const values = [
      p.id, p.taskId, p.runId, JSON.stringify(p.change), JSON.stringify(p.accountIds), toSqlDateTime(p.createdAt), toSqlDateTime(p.expiresAt),
      p.status, toSqlDateTimeOrNull(p.decidedAt), p.decidedBy === null ? null : JSON.stringify(p.decidedBy), p.jobId,
    ];
    await this.db.execute({ query: `INSERT INTO task_proposals (${COLUMNS}) VALUES ${placeholders(values.length)} ON DUPLICATE KEY UPDATE id=id`, params: values });
    const [row] = await this.db.select(`SELECT ${COLUMNS} FROM task_proposals WHERE run_id = ?`, [p.runId], rowSchema);
    if (row === undefined) throw new DomainError('CONFLICT', 'Proposal ID already used by another run', { proposalId: p.id });
    return toProposal(row);
  }

  async get(id: string): Promise<TaskProposal | null> {
    const [row] = await this.db.select(`SELECT ${COLUMNS} FROM task_proposals WHERE id = ?`, [id], rowSchema);
    return row === undefined ? null : toProposal(row);
  }

  async list(status: ProposalStatus, limit: number): Promise<TaskProposal[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new DomainError('VALIDATION_FAILED', `limit must be an integer from 1 to ${String(MAX_LIMIT)}`, { field: 'limit' });
    }
    const ids = await this.db.select('SELECT id FROM task_proposals WHERE status = ? ORDER BY created_at DESC, id DESC LIMIT ?', [status, limit], idSchema);
    return this.getAll(ids.map((r) => r.id));
  }

  async decide(
    id: string,
    decision: { status: 'approved' | 'rejected'; by: AuditActor; at: Date; jobId: string | null },
    now: Date,
  ): Promise<TaskProposal | null> {
    const changed = await this.db.execute({
      query: "UPDATE task_proposals SET status=?, decided_at=?, decided_by=?, job_id=? WHERE id=? AND status='pending' AND expires_at > ?",
      params: [decision.status, toSqlDateTime(decision.at), JSON.stringify(auditActorSchema.parse(decision.by)), decision.jobId, id, toSqlDateTime(now)],
    });
    return changed === 0 ? null : this.get(id);
  }

  async expire(now: Date): Promise<TaskProposal[]> {
    const due = await this.db.select(
      "SELECT id FROM task_proposals WHERE status = 'pending' AND expires_at <= ? ORDER BY created_at, id",
      [toSqlDateTime(now)],
      idSchema,
    );
    const marked: string[] = [];
    for (const { id } of due) {
      const changed = await this.db.execute({
        query: "UPDATE task_proposals SET status='expired', decided_at=? WHERE id=? AND status='pending'",
        params: [toSqlDateTime(now), id],
      });
      if (changed > 0) marked.push(id);
    }
    return this.getAll(marked);
  }

  private async getAll(ids: readonly string[]): Promise<TaskProposal[]> {
    const proposals: TaskProposal[] = [];
    for (const id of ids) {
      const proposal = await this.get(id);
      if (proposal !== null) proposals.push(proposal);
    }
    return proposals;
  }
}
