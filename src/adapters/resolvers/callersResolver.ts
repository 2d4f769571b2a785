import { callerTokenHeader, resolverKeys } from '../../contract';
import { createCaller, listCallers, revokeCaller } from '../../domain/usecases/callers/manageCallers';
import { adminActor, define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

/** The web trigger's URL, or null when the platform cannot give one now (the list still shows). */
const urlOrNull = (deps: ResolverDeps): Promise<string | null> => deps.webTriggerUrl().catch(() => null);

/** Callers of the web trigger (S10), in Settings: list, create (its token shown once), revoke. */
export const callersResolvers = (deps: ResolverDeps): ResolverMap => ({
  ...define(deps, resolverKeys.callersList, 'app', async () => {
    const [url, items] = await Promise.all([urlOrNull(deps), listCallers(deps)]);
    return { url, header: callerTokenHeader, items };
  }),
  ...define(deps, resolverKeys.callersCreate, 'app', ({ payload, accountId }) => createCaller(payload, adminActor(accountId), deps)),
  ...define(deps, resolverKeys.callersRevoke, 'app', ({ payload, accountId }) => revokeCaller(payload.callerId, adminActor(accountId), deps)),
});
