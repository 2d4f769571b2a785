/**
 * What happens between the page's `invoke(functionKey, payload)` and the app's resolver: Forge runs the function
 * `resolver` as an invocation for the viewing user and calls its handler with `{call: {functionKey, payload},
 * context}` and `{principal: {accountId}, installContext}`. The preview does exactly that on the local runtime.
 */
import type { Backend } from './backend';

/** The manifest function behind the admin page's resolver. */
export const RESOLVER_FUNCTION = 'resolver';

/** The product context the page gets from `view.getContext()` / `useProductContext()`. */
export const productContext = (backend: Backend, moduleKey: string): Record<string, unknown> => {
  const { identity, runtime } = backend;
  return {
    accountId: identity.accountId,
    cloudId: identity.cloudId,
    siteUrl: identity.siteUrl,
    locale: 'en-US',
    timezone: identity.timezone,
    moduleKey,
    localId: `${moduleKey}-local`,
    environmentId: runtime.app.environmentId,
    environmentType: runtime.app.environmentType,
    extension: { type: 'jira:adminPage' },
    theme: { colorMode: 'light' },
    userAccess: { enabled: true, hasAccess: true },
  };
};

/** Runs one resolver call for the preview user; resolves with what the handler returned (JSON-cloned by Forge). */
export const invokeResolver = async (backend: Backend, moduleKey: string, functionKey: string, payload: unknown): Promise<unknown> => {
  const handler = await backend.resolver();
  const { accountId, cloudId } = backend.identity;
  const context = { moduleKey, cloudId, localId: `${moduleKey}-local`, extension: { type: 'jira:adminPage' } };
  const runtimePayload = { principal: { accountId }, installContext: `ari:cloud:jira::site/${cloudId}` };
  return backend.runtime.invoke(
    { accountId, functionKey: RESOLVER_FUNCTION, moduleKey, moduleType: 'jira:adminPage' },
    () => handler({ call: { functionKey, payload }, context }, runtimePayload),
  );
};
