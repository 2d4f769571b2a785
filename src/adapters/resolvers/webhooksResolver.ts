import { resolverKeys } from '../../contract';
import { MAX_TARGETS_PER_TRIGGER, type WebhookDelivery } from '../../domain/model/webhooks';
import type { WebhookConfig } from '../../domain/ports/webhookTargets';
import { addTarget, removeTarget, sendTest } from '../../domain/usecases/webhooks/manageTargets';
import { appPageUrl } from '../webhooks/appLink';
import { adminActor, define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

const view = (config: WebhookConfig) => ({ targets: config.targets, maxTargetsPerTrigger: MAX_TARGETS_PER_TRIGGER });

/** A delivery as the log shows it: everything but its body. */
const logEntry = ({ body: _body, targetId: _targetId, ...rest }: WebhookDelivery) => rest;

/**
 * Automation webhooks (S7), area `app` (a key is needed: payloads name the organization): the targets per trigger (a secret goes in, only its last 4 characters come
 * out), Send test, and the delivery log.
 */
export const webhooksResolvers = (deps: ResolverDeps): ResolverMap => {
  const hooks = deps.webhooks;
  return {
    ...define(deps, resolverKeys.webhooksGet, 'app', async () => view(await hooks.targets.load())),
    ...define(deps, resolverKeys.webhooksAdd, 'app', async ({ payload, accountId }) => {
      const { siteUrl, ...target } = payload;
      return view(await addTarget({ ...target, appUrl: appPageUrl(siteUrl) }, adminActor(accountId), hooks));
    }),
    ...define(deps, resolverKeys.webhooksRemove, 'app', async ({ payload, accountId }) => view(await removeTarget(payload.targetId, adminActor(accountId), hooks))),
    ...define(deps, resolverKeys.webhooksTest, 'app', async ({ payload }) => logEntry(await sendTest(payload.targetId, hooks))),
    ...define(deps, resolverKeys.webhooksDeliveries, 'app', async ({ payload }) => {
      const page = await hooks.deliveries.list(payload.limit, payload.after, payload.trigger);
      return { items: page.items.map(logEntry), next: page.next };
    }),
  };
};
