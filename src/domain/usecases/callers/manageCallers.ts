import type { AuditActor, AuditEntry } from '../../model/audit';
import { callerActions, MAX_CALLERS, type Caller, type CallerAction } from '../../model/caller';
import { DomainError } from '../../model/errors';
import type { AuditLog } from '../../ports/auditLog';
import type { CallerRepository, CallerTokens } from '../../ports/callerRepository';
import type { Clock } from '../../ports/clock';
import type { IdGenerator } from '../../ports/idGenerator';
import type { Lock } from '../../ports/lock';
import type { UserRepository } from '../../ports/userRepository';
import { appChangeEntry } from '../audit/appChangeEntry';
import { exclusively } from '../exclusively';

/** What managing callers in Settings needs. */
export interface ManageCallersDeps {
  callers: CallerRepository;
  tokens: CallerTokens;
  audit: AuditLog;
  ids: IdGenerator;
  clock: Clock;
  users: Pick<UserRepository, 'getMany'>;
  /** Keeps creations one at a time, so that two at once cannot pass MAX_CALLERS. */
  lock: Lock;
}

/** A caller as Settings lists it: never its token or the token's hash. */
export interface CallerView {
  id: string;
  name: string;
  actions: CallerAction[];
  createdBy: string;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

type AdminActor = AuditActor & { kind: 'admin' };

const inOrder = (actions: readonly CallerAction[]): CallerAction[] => callerActions.filter((a) => actions.includes(a));

const callerAudit = (action: 'caller.create' | 'caller.revoke', caller: Caller, actor: AdminActor, deps: ManageCallersDeps): AuditEntry =>
  appChangeEntry(action, actor, { callerId: caller.id, callerName: caller.name, actions: caller.actions.join(',') }, deps);

const viewOf = (caller: Caller, createdByName: string | null, lastUsedAt: Date | null): CallerView => ({
  id: caller.id,
  name: caller.name,
  actions: caller.actions,
  createdBy: caller.createdBy,
  createdByName,
  createdAt: caller.createdAt,
  lastUsedAt,
  revokedAt: caller.revokedAt,
});

/** S10: every caller, newest first, with who created it (by name when the directory knows them) and when each was last used. */
export const listCallers = async (deps: Pick<ManageCallersDeps, 'callers' | 'users'>): Promise<CallerView[]> => {
  const callers = await deps.callers.list();
  const [used, people] = await Promise.all([
    deps.callers.lastUsed(callers.map((c) => c.id)),
    deps.users.getMany([...new Set(callers.map((c) => c.createdBy))]),
  ]);
  const names = new Map(people.map((u) => [u.accountId, u.name]));
  return callers
    .map((caller) => viewOf(caller, names.get(caller.createdBy) ?? null, used.get(caller.id) ?? null))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
};

/**
 * S10: a new caller with the actions it may request. Its token is in the answer, and only there: the app keeps its
 * hash. Audited as `caller.create`. VALIDATION_FAILED beyond MAX_CALLERS; one creation at a time (LOCK_HELD).
 */
export const createCaller = (
  request: { name: string; actions: readonly CallerAction[] },
  actor: AdminActor,
  deps: ManageCallersDeps,
): Promise<{ caller: CallerView; token: string }> => exclusively(deps.lock, 'callers', 60, () => createNow(request, actor, deps));

const createNow = async (
  request: { name: string; actions: readonly CallerAction[] },
  actor: AdminActor,
  deps: ManageCallersDeps,
): Promise<{ caller: CallerView; token: string }> => {
  if ((await deps.callers.list()).length >= MAX_CALLERS) {
    throw new DomainError('VALIDATION_FAILED', 'Too many callers', {
      issues: [{ path: 'name', messageKey: 'callers.tooMany', message: `at most ${String(MAX_CALLERS)}` }],
    });
  }
  const id = deps.ids.next();
  const token = deps.tokens.issue(id);
  const caller: Caller = {
    id,
    name: request.name.trim(),
    actions: inOrder(request.actions),
    tokenHash: deps.tokens.hash(token),
    createdBy: actor.accountId,
    createdAt: deps.clock.now(),
    revokedAt: null,
  };
  await deps.callers.save(caller);
  await deps.audit.append([callerAudit('caller.create', caller, actor, deps)]);
  const [creator] = await deps.users.getMany([actor.accountId]);
  return { caller: viewOf(caller, creator?.name ?? null, null), token };
};

/** S10: the caller's token stops working at once; the caller stays listed (and named in the audit log). */
export const revokeCaller = async (id: string, actor: AdminActor, deps: ManageCallersDeps): Promise<{ revoked: true }> => {
  const caller = await deps.callers.get(id);
  if (caller === null) throw new DomainError('NOT_FOUND', 'No such caller', { callerId: id });
  if (caller.revokedAt !== null) return { revoked: true };
  const revoked = { ...caller, revokedAt: deps.clock.now() };
  await deps.callers.save(revoked);
  await deps.audit.append([callerAudit('caller.revoke', revoked, actor, deps)]);
  return { revoked: true };
};
