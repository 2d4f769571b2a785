import type { AuditAction, AuditActor, AuditEntry } from '../../model/audit';
import type { Clock } from '../../ports/clock';
import type { IdGenerator } from '../../ports/idGenerator';

/** The audit entry of a change to the app itself (its key, its callers): succeeded, no affected user, no job. */
export const appChangeEntry = (
  action: AuditAction,
  actor: AuditActor,
  details: AuditEntry['details'],
  deps: { ids: IdGenerator; clock: Clock },
): AuditEntry => ({
  id: deps.ids.next(),
  at: deps.clock.now(),
  actor,
  action,
  targetAccountId: null,
  outcome: 'succeeded',
  reason: null,
  details,
  jobId: null,
});
