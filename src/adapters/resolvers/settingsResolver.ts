import { resolverKeys } from '../../contract';
import { getSettings } from '../../domain/usecases/settings/getSettings';
import { saveSettings } from '../../domain/usecases/settings/saveSettings';
import { getStatistics, searchGroups } from '../../domain/usecases/settings/statistics';
import { adminActor, define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

/**
 * Settings screen. settings.get / settings.save are area `settings` (reachable before a key exists); statistics and
 * the group picker read synced data, so they are area `app`.
 */
export const settingsResolvers = (deps: ResolverDeps): ResolverMap => ({
  ...define(deps, resolverKeys.settingsGet, 'settings', () => getSettings(deps)),
  ...define(deps, resolverKeys.settingsSave, 'settings', ({ payload, accountId }) => saveSettings(payload, adminActor(accountId), deps)),
  ...define(deps, resolverKeys.statisticsGet, 'app', ({ payload }) => getStatistics(payload.groupIds, deps)),
  ...define(deps, resolverKeys.groupsSearch, 'app', ({ payload }) => searchGroups(payload, deps)),
});
