/**
 * The runtime's clock: real time plus an offset that tests advance instead of sleeping (KVS TTLs,
 * queue delays and retries are measured on it). {@link followRuntimeClock} lets the app's own `Date` follow it.
 */

interface ClockGlobals {
  __forge_runtime_real_date__?: DateConstructor;
}

const g = globalThis as unknown as ClockGlobals;
/** The real `Date`, kept once per global object so that a module reloaded while the hook is on still finds it. */
const RealDate: DateConstructor = (g.__forge_runtime_real_date__ ??= Date);

export class RuntimeClock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, as the runtime sees them. */
  now(): number {
    return RealDate.now() + this.offsetMs;
  }

  /** How far the runtime's time is ahead of real time. */
  get aheadMs(): number {
    return this.offsetMs;
  }

  /** Moves the runtime's time forward without waiting. */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('forge-runtime: the clock only moves forward');
    this.offsetMs += ms;
  }

  /** Moves the runtime's time forward to `epochMs` if it is in the future. */
  advanceTo(epochMs: number): void {
    const delta = epochMs - this.now();
    if (delta > 0) this.advance(delta);
  }
}

/**
 * Makes the global `Date` read `clock` (`Date.now()`, `new Date()` and `Date()`; dates built from a value are
 * untouched), so the app's handlers, which take their time from `Date`, see the runtime's time. Returns the undo.
 * On Forge the app's clock is real time; the preview uses this to let a person move time forward.
 */
export function followRuntimeClock(clock: RuntimeClock): () => void {
  const followed = new Proxy(RealDate, {
    construct: (target, args: unknown[], newTarget: (...a: unknown[]) => unknown) =>
      Reflect.construct(target, args.length === 0 ? [clock.now()] : args, newTarget) as object,
    apply: () => new RealDate(clock.now()).toString(),
    get: (target, key, receiver: unknown) => (key === 'now' ? () => clock.now() : Reflect.get(target, key, receiver) as unknown),
  });
  globalThis.Date = followed;
  return () => {
    if (globalThis.Date === followed) globalThis.Date = RealDate;
  };
}
