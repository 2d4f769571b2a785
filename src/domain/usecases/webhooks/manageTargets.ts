import type { AuditActor, AuditEntry } from '../../model/audit';
import { DomainError } from '../../model/errors';
import { MAX_TARGETS_PER_TRIGGER, type WebhookDelivery, type WebhookTarget, type WebhookTrigger } from '../../model/webhooks';
import { normalisedUrl, secretProblem, urlProblem, type TargetProblem } from '../../policy/webhookTarget';
import type { WebhookConfig } from '../../ports/webhookTargets';
import type { WebhookDeps } from './deps';
import { queueEvent } from './queueDeliveries';
import { sampleEvent } from './sampleEvents';
import { exclusively } from '../exclusively';

/** Target changes read, change and write one stored list: one at a time. */
const TARGETS_LOCK = 'webhook-targets';
const TARGETS_LOCK_SECONDS = 60;

/** A target as the admin enters it: the trigger, the rule's URL and secret. */
export interface NewTarget {
  trigger: WebhookTrigger;
  url: string;
  secret: string;
  /** The admin page's address, as the page that saves the target knows it. */
  appUrl: string | null;
}

const refused = (field: 'url' | 'secret', problem: TargetProblem): DomainError =>
  new DomainError('VALIDATION_FAILED', `The webhook ${field} is refused: ${problem}`, {
    issues: [{ path: field, messageKey: `webhooks.reasons.${problem}`, message: problem }],
  });

const auditOf = (action: AuditEntry['action'], target: WebhookTarget, actor: AuditActor, id: string, at: Date): AuditEntry => ({
  id,
  at,
  actor,
  action,
  targetAccountId: null,
  outcome: 'succeeded',
  reason: null,
  details: { trigger: target.trigger, target: target.url },
  jobId: null,
});

/**
 * Adds an Automation target (FEATURES S7): the URL and secret are checked first (VALIDATION_FAILED with the reason
 * as `webhooks.reasons.<problem>`; nothing is saved), at most MAX_TARGETS_PER_TRIGGER per trigger (CONFLICT), the
 * same URL twice for one trigger is refused (CONFLICT). One change of the targets at a time (LOCK_HELD). Audited as `webhook.target-add` without the secret.
 */
export const addTarget = async (input: NewTarget, actor: AuditActor, deps: Pick<WebhookDeps, 'targets' | 'audit' | 'clock' | 'ids' | 'lock'>): Promise<WebhookConfig> => {
  const urlIssue = urlProblem(input.url);
  if (urlIssue !== null) throw refused('url', urlIssue);
  const secretIssue = secretProblem(input.secret);
  if (secretIssue !== null) throw refused('secret', secretIssue);
  const url = normalisedUrl(input.url);
  return exclusively(deps.lock, TARGETS_LOCK, TARGETS_LOCK_SECONDS, () => addChecked({ ...input, url }, actor, deps));
};

const addChecked = async (input: NewTarget, actor: AuditActor, deps: Pick<WebhookDeps, 'targets' | 'audit' | 'clock' | 'ids'>): Promise<WebhookConfig> => {
  const { url } = input;
  const { targets } = await deps.targets.load();
  const mine = targets.filter((t) => t.trigger === input.trigger);
  if (mine.length >= MAX_TARGETS_PER_TRIGGER) throw new DomainError('CONFLICT', 'This trigger has its 3 targets', { reason: 'too-many-targets' });
  if (mine.some((t) => t.url === url)) throw new DomainError('CONFLICT', 'This URL is already a target of the trigger', { reason: 'duplicate-target' });
  const now = deps.clock.now();
  const target: WebhookTarget = { id: deps.ids.next(), trigger: input.trigger, url, secretLastFour: input.secret.slice(-4), createdAt: now };
  await deps.targets.add(target, input.secret, input.appUrl);
  await deps.audit.append([auditOf('webhook.target-add', target, actor, `webhook-add-${target.id}`, now)]);
  return deps.targets.load();
};

/** Removes a target and its secret; audited as `webhook.target-remove`. NOT_FOUND for an unknown target. */
export const removeTarget = (targetId: string, actor: AuditActor, deps: Pick<WebhookDeps, 'targets' | 'audit' | 'clock' | 'lock'>): Promise<WebhookConfig> =>
  exclusively(deps.lock, TARGETS_LOCK, TARGETS_LOCK_SECONDS, () => removeNow(targetId, actor, deps));

const removeNow = async (targetId: string, actor: AuditActor, deps: Pick<WebhookDeps, 'targets' | 'audit' | 'clock'>): Promise<WebhookConfig> => {
  const target = (await deps.targets.load()).targets.find((t) => t.id === targetId);
  if (target === undefined) throw new DomainError('NOT_FOUND', 'No such webhook target');
  await deps.targets.remove(targetId);
  const now = deps.clock.now();
  await deps.audit.append([auditOf('webhook.target-remove', target, actor, `webhook-remove-${target.id}`, now)]);
  return deps.targets.load();
};

/** "Send test": queues the trigger's example payload (with `test: true`) to one target; the log shows how it went. */
export const sendTest = async (targetId: string, deps: WebhookDeps): Promise<WebhookDelivery> => {
  const target = (await deps.targets.load()).targets.find((t) => t.id === targetId);
  if (target === undefined) throw new DomainError('NOT_FOUND', 'No such webhook target');
  const event = sampleEvent(target.trigger, `test-${deps.ids.next()}`, deps.clock.now());
  const [delivery] = await queueEvent(event, [target], true, deps);
  if (delivery === undefined) throw new DomainError('INTERNAL', 'The test delivery was not created');
  return delivery;
};
