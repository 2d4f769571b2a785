import { resolverKeys } from '../../contract';
import { startSync } from '../../domain/usecases/sync/runLifecycle';
import { getSyncHistory, getSyncStatus, toStatusView } from '../../domain/usecases/sync/syncStatus';
import { adminActor, define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

/** Manual sync (S5) and its progress and history (Y2), through the sync use cases. */
export const syncResolvers = (deps: ResolverDeps): ResolverMap => ({
  ...define(deps, resolverKeys.syncStart, 'app', async ({ payload, accountId }) => {
    const run = await startSync({ trigger: 'manual', actor: adminActor(accountId), dataTypes: payload.dataTypes, groupIds: payload.groupIds }, deps);
    return toStatusView(run, deps.clock.now());
  }),
  ...define(deps, resolverKeys.syncStatus, 'app', () => getSyncStatus(deps)),
  ...define(deps, resolverKeys.syncHistory, 'app', async ({ payload }) => ({ items: await getSyncHistory(payload.limit, deps) })),
});
