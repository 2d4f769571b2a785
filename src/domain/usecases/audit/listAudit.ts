import type { AuditEntry } from '../../model/audit';
import type { AuditLog, AuditQuery } from '../../ports/auditLog';
import type { CallerRepository } from '../../ports/callerRepository';
import type { ProductRepository } from '../../ports/productRepository';
import type { TaskRepository } from '../../ports/taskRepository';
import type { UserRepository } from '../../ports/userRepository';
import { skipReasonKey } from '../tasks/run/reasonKeys';
import { auditSummary, type Phrase } from './auditSummary';

/** An audit entry with the names the directory knows for its actor and affected user. */
export interface AuditEntryView {
  id: string;
  at: Date;
  actor:
    | { kind: 'admin'; accountId: string; name: string | null }
    | { kind: 'task'; taskId: string; name: string | null }
    | { kind: 'system' }
    | { kind: 'caller'; callerId: string; name: string | null };
  action: AuditEntry['action'];
  actionKey: string;
  targetAccountId: string | null;
  targetName: string | null;
  targetEmail: string | null;
  outcome: AuditEntry['outcome'];
  reason: string | null;
  reasonKey: string | null;
  details: AuditEntry['details'];
  /** The details as a sentence (A5); null when there is nothing to say. */
  summary: Phrase | null;
  jobId: string | null;
}

/** What listing the audit log needs: the log, and the synced users, products and callers for names. */
export interface ListAuditDeps {
  audit: AuditLog;
  users: Pick<UserRepository, 'getMany'>;
  products: Pick<ProductRepository, 'list'>;
  /** Without it a caller is shown without its name. */
  callers?: Pick<CallerRepository, 'list'>;
  /** Without it an automated task is shown without its name. */
  tasks?: Pick<TaskRepository, 'get'>;
}

type ActorView = AuditEntryView['actor'];

/** The names of the tasks that acted on the page (deleted tasks keep their record, so their names too). */
const taskNames = async (entries: readonly AuditEntry[], deps: ListAuditDeps): Promise<Map<string, string>> => {
  const { tasks } = deps;
  const ids = [...new Set(entries.flatMap((e) => (e.actor.kind === 'task' ? [e.actor.taskId] : [])))];
  if (tasks === undefined || ids.length === 0) return new Map();
  const found = await Promise.all(ids.map((id) => tasks.get(id)));
  return new Map(found.flatMap((task) => (task === null ? [] : [[task.id, task.name] as const])));
};

const callerNames = async (entries: readonly AuditEntry[], deps: ListAuditDeps): Promise<Map<string, string>> => {
  if (deps.callers === undefined || !entries.some((e) => e.actor.kind === 'caller')) return new Map();
  return new Map((await deps.callers.list()).map((c) => [c.id, c.name]));
};

/**
 * i18next key of a reason code: a webhook delivery's codes are the delivery log's (`webhooks.errors.*`); skip
 * reasons (lower-case, `protected`, `not-managed`) are bulk reasons, or an automated task's own (skipReasonKey); error codes (upper-case, `RATE_LIMITED`) are errors.
 */
export const reasonKeyOf = (reason: string | null, action?: string): string | null => {
  if (reason === null) return null;
  if (action === 'webhook.delivery') return `webhooks.errors.${reason}`;
  return /^[A-Z_]+$/.test(reason) ? `errors.${reason}` : skipReasonKey(reason);
};

/**
 * A2: one page of the audit log, newest first, with names resolved from the synced directory in one read and
 * the details told as a sentence (A5).
 */
export const listAudit = async (query: AuditQuery, deps: ListAuditDeps): Promise<{ items: AuditEntryView[]; next: string | null }> => {
  const page = await deps.audit.query(query);
  const ids = new Set<string>();
  for (const entry of page.items) {
    if (entry.targetAccountId !== null) ids.add(entry.targetAccountId);
    if (entry.actor.kind === 'admin') ids.add(entry.actor.accountId);
  }
  const [people, products, callers, tasks] = await Promise.all([
    deps.users.getMany([...ids]).then((found) => new Map(found.map((u) => [u.accountId, u]))),
    deps.products.list(),
    callerNames(page.items, deps),
    taskNames(page.items, deps),
  ]);
  const actorOf = (actor: AuditEntry['actor']): ActorView => {
    if (actor.kind === 'admin') return { ...actor, name: people.get(actor.accountId)?.name ?? null };
    if (actor.kind === 'caller') return { ...actor, name: callers.get(actor.callerId) ?? null };
    if (actor.kind === 'task') return { ...actor, name: tasks.get(actor.taskId) ?? null };
    return actor;
  };
  const productName = (key: string, resourceId: string): string | null =>
    products.find((p) => p.key === key && p.resourceId === resourceId)?.name ?? products.find((p) => p.key === key)?.name ?? null;
  const items = page.items.map((entry): AuditEntryView => {
    const target = entry.targetAccountId === null ? undefined : people.get(entry.targetAccountId);
    return {
      id: entry.id,
      at: entry.at,
      actor: actorOf(entry.actor),
      action: entry.action,
      actionKey: `audit.actions.${entry.action}`,
      targetAccountId: entry.targetAccountId,
      targetName: target?.name ?? null,
      targetEmail: target?.email ?? null,
      outcome: entry.outcome,
      reason: entry.reason,
      reasonKey: reasonKeyOf(entry.reason, entry.action),
      details: entry.details,
      summary: auditSummary(entry, { productName }),
      jobId: entry.jobId,
    };
  });
  return { items, next: page.next };
};
