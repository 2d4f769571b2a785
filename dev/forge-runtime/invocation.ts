/**
 * The current Forge invocation, tracked with AsyncLocalStorage: which function runs, for whom, how
 * much of its time budget is left, and which async-event chain it belongs to.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Async-event chain bookkeeping: pushes made during an invocation inherit it. */
export interface EventChain {
  id: string;
  /** Push requests made in this chain so far, counting the one that started it. */
  depth: number;
}

/** One invocation of an app function. */
export interface Invocation {
  invocationId: string;
  functionKey: string;
  moduleKey: string;
  moduleType: string;
  /** The invoking user; absent for consumers and scheduled triggers. */
  accountId?: string;
  /** `performance.now()` at start, and the function's time budget. */
  startedAt: number;
  timeoutMs: number;
  chain?: EventChain;
}

/** What a caller gives to start an invocation. */
export interface InvocationInit {
  functionKey?: string;
  moduleKey?: string;
  moduleType?: string;
  accountId?: string;
  /** Default 25 s (UI resolvers); consumers use their `timeoutSeconds` (55 s default). */
  timeoutMs?: number;
  chain?: EventChain;
}

const storage = new AsyncLocalStorage<Invocation>();

/** The invocation the calling code runs in, if any. */
export function currentInvocation(): Invocation | undefined {
  return storage.getStore();
}

/** Runs `fn` as a new invocation. */
export function runInvocation<T>(init: InvocationInit, fn: () => Promise<T>): Promise<T> {
  const invocation: Invocation = {
    invocationId: randomUUID(),
    functionKey: init.functionKey ?? 'local-function',
    moduleKey: init.moduleKey ?? 'local-module',
    moduleType: init.moduleType ?? 'core:function',
    ...(init.accountId === undefined ? {} : { accountId: init.accountId }),
    startedAt: performance.now(),
    timeoutMs: init.timeoutMs ?? 25_000,
    ...(init.chain === undefined ? {} : { chain: init.chain }),
  };
  return storage.run(invocation, fn);
}

/** Milliseconds left of an invocation's budget (never negative). */
export function remainingMs(invocation: Invocation): number {
  return Math.max(0, Math.round(invocation.timeoutMs - (performance.now() - invocation.startedAt)));
}
