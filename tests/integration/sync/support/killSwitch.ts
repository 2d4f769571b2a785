import { currentInvocation, type ForgeRuntime } from '../../../../dev/forge-runtime';

/** A promise that never settles: what a request of a dead process waits for. */
const never = (): Promise<never> => new Promise<never>(() => undefined);

/**
 * Kills a queue consumer at a chosen point, as a crashed or timed-out Forge invocation: every request the app makes
 * through the runtime (SQL, KVS, queue, Jira, Admin API egress) is counted, and the `n`-th one made inside a
 * consumer invocation never returns — nor does any later request of that invocation. Requests already on the wire
 * complete (the server saw them); nothing after the kill point happens. The consumer's handler learns of the kill
 * through `killed(invocationId)` and ends the invocation (fail or ask for a retry).
 */
export class KillSwitch {
  private countdown: number | null = null;
  private readonly dead = new Set<string>();
  private readonly waiting = new Map<string, () => void>();
  /** Requests on the wire per invocation: a killed invocation ends only once they have landed. */
  private readonly inFlight = new Map<string, Set<Promise<unknown>>>();
  /** Invocations killed so far. */
  kills = 0;
  /** Requests counted since the switch was armed. */
  requests = 0;

  /** Wraps the runtime's `__forge_fetch__` and egress `fetch` so that every request passes the gate. */
  install(runtime: ForgeRuntime): void {
    const forgeFetch = runtime.forgeFetch.bind(runtime);
    const egressFetch = runtime.egressFetch.bind(runtime);
    runtime.forgeFetch = async (target, path, init) => {
      await this.gate();
      return this.track(forgeFetch(target, path, init));
    };
    runtime.egressFetch = async (input, init) => {
      await this.gate();
      return this.track(egressFetch(input, init));
    };
  }

  /** Kills the consumer invocation that makes the `n`-th request from now (n ≥ 1); null disarms. */
  arm(n: number | null): void {
    this.countdown = n;
    this.requests = 0;
  }

  get armed(): boolean {
    return this.countdown !== null;
  }

  /**
   * Resolves when the invocation is killed and its requests already on the wire have landed (never, if it is not
   * killed): the platform re-delivers an event seconds later, long after a dead invocation's last request.
   */
  async killed(invocationId: string): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.dead.has(invocationId)) resolve();
      else this.waiting.set(invocationId, resolve);
    });
    await Promise.allSettled([...(this.inFlight.get(invocationId) ?? [])]);
  }

  /** Forgets an invocation that ended. */
  release(invocationId: string): void {
    this.waiting.delete(invocationId);
    this.inFlight.delete(invocationId);
  }

  private track<T>(request: Promise<T>): Promise<T> {
    const id = currentInvocation()?.invocationId;
    if (id === undefined) return request;
    const requests = this.inFlight.get(id) ?? new Set<Promise<unknown>>();
    this.inFlight.set(id, requests);
    requests.add(request);
    void request.finally(() => requests.delete(request)).catch(() => undefined);
    return request;
  }

  private gate(): Promise<void> {
    const invocation = currentInvocation();
    if (invocation === undefined) return Promise.resolve();
    if (this.dead.has(invocation.invocationId)) return never();
    if (this.countdown === null || invocation.moduleType !== 'core:consumer') return Promise.resolve();
    this.requests += 1;
    this.countdown -= 1;
    if (this.countdown > 0) return Promise.resolve();
    this.countdown = null;
    this.kills += 1;
    this.dead.add(invocation.invocationId);
    this.waiting.get(invocation.invocationId)?.();
    this.waiting.delete(invocation.invocationId);
    return never();
  }
}
