/**
 * Installs the globals the @forge packages read: `__forge_fetch__` (every SQL, KVS, queue and
 * product request), `__forge_runtime__` (app context, remaining time) and the egress `fetch`.
 *
 * ORDER MATTERS: @forge/api captures `globalThis.fetch` when it is first loaded, so
 * {@link installGlobalHooks} must run before anything imports @forge/api (tests: import
 * tests/support/forgeRuntime first). The hooks delegate to the runtime made active with
 * {@link activateRuntime}; without one, `__forge_fetch__` fails and `fetch` is the original.
 */
import type { ForgeRuntime } from './runtime';

type FetchFn = (input: unknown, init?: RequestInit) => Promise<Response>;

interface ForgeGlobals {
  __forge_fetch__?: (target: unknown, path: string, init?: RequestInit) => Promise<Response>;
  __forge_runtime__?: Record<string, unknown>;
  __forge_runtime_hooks__?: { originalFetch: FetchFn; probeSeen: boolean };
  fetch: FetchFn;
}

const g = globalThis as unknown as ForgeGlobals;
let active: ForgeRuntime | undefined;

/** The URL `@forge/api`'s fetch is probed with to check the hook order. */
export const EGRESS_PROBE_URL = 'https://forge-runtime-probe.invalid/';

/** Installs the hooks once per global object (idempotent). */
export function installGlobalHooks(): void {
  if (g.__forge_runtime_hooks__ !== undefined) return;
  const originalFetch = g.fetch;
  const hooks = { originalFetch, probeSeen: false };
  g.__forge_runtime_hooks__ = hooks;
  g.fetch = async (input, init) => {
    if (input === EGRESS_PROBE_URL) {
      hooks.probeSeen = true;
      return new Response(null, { status: 204 });
    }
    return active === undefined ? originalFetch(input, init) : active.egressFetch(input, init);
  };
  g.__forge_fetch__ = async (target, path, init) => {
    if (active === undefined) throw new Error('forge-runtime: no runtime is active (call activateRuntime)');
    return active.forgeFetch(target, path, init);
  };
}

/** True when the egress probe reached our hook (i.e. @forge/api's fetch goes through it). */
export function egressProbeSeen(): boolean {
  return g.__forge_runtime_hooks__?.probeSeen ?? false;
}

/** Makes `runtime` answer the hooks (installing them if needed). */
export function activateRuntime(runtime: ForgeRuntime): void {
  installGlobalHooks();
  active = runtime;
  g.__forge_runtime__ = runtime.globalObject;
}

/** Stops answering (the hooks stay installed). */
export function deactivateRuntime(runtime?: ForgeRuntime): void {
  if (runtime !== undefined && runtime !== active) return;
  active = undefined;
  delete g.__forge_runtime__;
}

/** The active runtime, if any. */
export function activeRuntime(): ForgeRuntime | undefined {
  return active;
}
