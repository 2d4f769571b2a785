import { resolverKeys } from '../../contract';
import { checkApiKey, removeApiKey, saveApiKey } from '../../domain/usecases/apiKey/manageApiKey';
import { adminActor, define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

/** The org API key (S1), area `settings`: the key goes in, only its public facts come out. */
export const apiKeyResolvers = (deps: ResolverDeps): ResolverMap => ({
  ...define(deps, resolverKeys.apiKeyCheck, 'settings', ({ payload }) => checkApiKey(payload.key, deps)),
  ...define(deps, resolverKeys.apiKeySave, 'settings', ({ payload, accountId }) => {
    const { expiresAt, ...rest } = payload;
    const expiry = expiresAt === undefined || expiresAt === null ? null : new Date(expiresAt);
    return saveApiKey({ ...rest, expiresAt: expiry }, adminActor(accountId), deps);
  }),
  ...define(deps, resolverKeys.apiKeyRemove, 'settings', ({ accountId }) => removeApiKey(adminActor(accountId), deps)),
});
