import { resolverKeys } from '../../contract';
import { define, type ResolverMap } from './define';
import type { GuardDeps } from './guard';

/**
 * The first call the admin page makes: who may see what, and whether the app is configured. Area `settings`, so a
 * Jira administrator gets `bootstrap` before a key exists (the page then shows Settings only).
 */
export const appResolvers = (deps: GuardDeps): ResolverMap => ({
  ...define(deps, resolverKeys.appBootstrap, 'settings', async ({ grant, accountId }) => {
    const { apiKeyConfigured } = await deps.accessContext(accountId);
    return { grant, apiKeyConfigured };
  }),
});
