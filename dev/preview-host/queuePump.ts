/**
 * Delivers the local runtime's queue events in real time. `QueueService.drain()` is made for tests: it delivers
 * everything and jumps the runtime clock over delays. The preview wants what Forge does instead: an event is
 * delivered once it is due by the wall clock, one at a time, while the page keeps working.
 */
import type { ForgeRuntime } from '../forge-runtime';

/** A running pump. */
export interface QueuePump {
  /** Events delivered so far. */
  readonly delivered: number;
  /** Events waiting (due or delayed). */
  pending(): number;
  /** Resolves once no event is due and none is being delivered (delayed events may remain). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const earliestDue = (runtime: ForgeRuntime): number | undefined => {
  let due: number | undefined;
  for (const e of runtime.queue.pending) if (due === undefined || e.dueAt < due) due = e.dueAt;
  return due;
};

/** Starts delivering due events every `intervalMs`; `onError` hears about anything the delivery loop throws. */
export const startQueuePump = (runtime: ForgeRuntime, intervalMs: number, onError: (error: unknown) => void): QueuePump => {
  let delivered = 0;
  let busy = false;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const waiters: (() => void)[] = [];
  const isIdle = (): boolean => {
    const due = earliestDue(runtime);
    return !busy && (due === undefined || due > runtime.clock.now());
  };
  const tick = async (): Promise<void> => {
    busy = true;
    try {
      for (let due = earliestDue(runtime); !stopped && due !== undefined && due <= runtime.clock.now(); due = earliestDue(runtime)) {
        delivered += await runtime.queue.drain(1);
      }
    } catch (error) {
      onError(error);
    } finally {
      busy = false;
    }
    if (isIdle()) for (const wake of waiters.splice(0)) wake();
  };
  const timer = setInterval(() => {
    if (!busy && !stopped) current = tick();
  }, intervalMs);
  return {
    get delivered() { return delivered; },
    pending: () => runtime.queue.pending.length,
    idle: () => (isIdle() ? Promise.resolve() : new Promise((resolve) => { waiters.push(resolve); })),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
      for (const wake of waiters.splice(0)) wake();
    },
  };
};
