/**
 * The `globalThis.__forge_runtime__` object @forge/api reads: app context (getAppContext), the
 * remaining-time function of the current invocation, no-op metrics, tracing ids. Values come from
 * the current {@link Invocation} when there is one.
 */
import { randomUUID } from 'node:crypto';
import { currentInvocation, remainingMs } from './invocation';

/** Identity of the simulated app installation. */
export interface AppIdentity {
  appId: string;
  appVersion: string;
  environmentId: string;
  environmentType: string;
  installationId: string;
  cloudId: string;
}

/** Defaults matching manifest.yml's app id. */
export const DEFAULT_APP: AppIdentity = {
  appId: '6f0d7c1e-3b5a-4c2e-9d8f-1a2b3c4d5e6f',
  appVersion: '1.0.0',
  environmentId: 'local-environment',
  environmentType: 'DEVELOPMENT',
  installationId: 'local-installation',
  cloudId: 'local-cloud',
};

const noopTimer = { stop: (): void => undefined };
const noopCounter = { incr: (): void => undefined, incrBy: (): void => undefined, decr: (): void => undefined, decrBy: (): void => undefined };
const metrics = {
  timing: () => ({ measure: () => noopTimer }),
  counter: () => noopCounter,
  gauge: () => ({ set: (): void => undefined }),
};

/** Builds the runtime object; `outsideInvocationMs` is what remaining time reports outside any invocation. */
export function createRuntimeGlobal(app: AppIdentity, outsideInvocationMs: () => number): Record<string, unknown> {
  const contextAri = `ari:cloud:jira::site/${app.cloudId}`;
  return {
    proxy: { token: 'local-token', url: 'http://forge-runtime.local' },
    contextAri,
    container: { runtime: 'nodejs22.x' },
    appContext: {
      appId: app.appId,
      appVersion: app.appVersion,
      environmentId: app.environmentId,
      environmentType: app.environmentType,
      installationId: app.installationId,
      get invocationId(): string { return currentInvocation()?.invocationId ?? 'outside-invocation'; },
      get functionKey(): string { return currentInvocation()?.functionKey ?? 'local-function'; },
      get moduleType(): string { return currentInvocation()?.moduleType ?? 'core:function'; },
      get moduleKey(): string { return currentInvocation()?.moduleKey ?? 'local-module'; },
      installation: { ari: { installationId: app.installationId }, contexts: [{ cloudId: app.cloudId, toString: () => contextAri }] },
    },
    get aaid(): string | undefined { return currentInvocation()?.accountId; },
    lambdaContext: {
      awsRequestId: randomUUID(),
      getRemainingTimeInMillis: (): number => {
        const inv = currentInvocation();
        return inv === undefined ? outsideInvocationMs() : remainingMs(inv);
      },
    },
    tracing: { traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().slice(0, 16) },
    realtime: {},
    metrics,
    featureFlags: () => false,
  };
}
