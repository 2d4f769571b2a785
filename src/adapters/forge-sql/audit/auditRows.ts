import { z } from 'zod';
import {
  auditActionSchema,
  auditEntrySchema,
  auditOutcomeSchema,
  type AuditActor,
  type AuditEntry,
} from '../../../domain/model/audit';
import { sqlDateTime, sqlJson, toSqlDateTime, type SqlValue } from '../sql/sqlValues';

export const auditColumns = [
  'id', 'at', 'actor_kind', 'actor_id', 'action', 'target_account_id', 'outcome', 'reason', 'details', 'job_id',
] as const;

/** The id an actor is filtered by: the admin's account, the task, the caller, or '' for the system. */
export const actorId = (actor: AuditActor): string => {
  switch (actor.kind) {
    case 'admin':
      return actor.accountId;
    case 'task':
      return actor.taskId;
    case 'system':
      return '';
    case 'caller':
      return actor.callerId;
  }
};

export const auditRowValues = (entry: AuditEntry): SqlValue[] => [
  entry.id, toSqlDateTime(entry.at), entry.actor.kind, actorId(entry.actor), entry.action, entry.targetAccountId,
  entry.outcome, entry.reason, JSON.stringify(entry.details), entry.jobId,
];

export const auditSelectList =
  'id, at, actor_kind, actor_id, action, target_account_id, outcome, reason, details, job_id';

export const auditRowSchema = z.object({
  id: z.string(),
  at: sqlDateTime,
  actor_kind: z.enum(['admin', 'task', 'system', 'caller']),
  actor_id: z.string(),
  action: auditActionSchema,
  target_account_id: z.string().nullable(),
  outcome: auditOutcomeSchema,
  reason: z.string().nullable(),
  details: sqlJson(auditEntrySchema.shape.details),
  job_id: z.string().nullable(),
});

const toActor = (kind: AuditActor['kind'], id: string): AuditActor => {
  switch (kind) {
    case 'admin':
      return { kind, accountId: id };
    case 'task':
      return { kind, taskId: id };
    case 'system':
      return { kind };
    case 'caller':
      return { kind, callerId: id };
  }
};

export const toAuditEntry = (row: z.output<typeof auditRowSchema>): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: toActor(row.actor_kind, row.actor_id),
  action: row.action,
  targetAccountId: row.target_account_id,
  outcome: row.outcome,
  reason: row.reason,
  details: row.details,
  jobId: row.job_id,
});
