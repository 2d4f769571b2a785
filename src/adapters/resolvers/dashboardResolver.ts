import { resolverKeys } from '../../contract';
import { getDashboard } from '../../domain/usecases/dashboard/getDashboard';
import { define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

/** Dashboard screen (D1, D2, D4). */
export const dashboardResolvers = (deps: ResolverDeps): ResolverMap => ({
  ...define(deps, resolverKeys.dashboardGet, 'app', () => getDashboard(deps)),
});
