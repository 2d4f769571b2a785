import type { QueueService, RuntimeClock } from '../../dev/forge-runtime';

/** What the queue did during the bench. */
export interface DeliveryStats {
  /** Events pushed (each counted once, however often it was delivered). */
  pushes: number;
  deliveries: number;
  failed: number;
  /** The deepest push chain an event belonged to (Forge allows 1000). */
  maxChain: number;
  /** Time spent waiting for delayed events (a continuation after a 429, a retry). */
  waitedMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Pending = QueueService['pending'][number];

const earliest = (pending: readonly Pending[]): Pending =>
  pending.reduce((a, b) => (b.dueAt < a.dueAt || (b.dueAt === a.dueAt && b.seq < a.seq) ? b : a));

/**
 * Delivers the runtime's queue in real time: an event is delivered only once its delay (a continuation pushed
 * with `delayInSeconds` after a 429, a platform retry) has really passed, so the wall time counts every wait. The
 * runtime's own `drain()` would advance a virtual clock over delays instead. As on Forge, an event that is due is
 * delivered at once, even while others are still running: the two streams of a sync run (docs/sync.md) run side by
 * side. `waitedMs` counts only the time nothing ran.
 */
export const deliverInRealTime = async (queue: QueueService, clock: RuntimeClock): Promise<DeliveryStats> => {
  const seen = new Set<string>();
  const stats: DeliveryStats = { pushes: 0, deliveries: 0, failed: 0, maxChain: 0, waitedMs: 0 };
  const running = new Set<Promise<void>>();
  while (queue.pending.length > 0 || running.size > 0) {
    if (queue.pending.length === 0) {
      await Promise.race(running);
      continue;
    }
    const next = earliest(queue.pending);
    const wait = next.dueAt - clock.now();
    if (wait > 0) {
      // A running slice may push an event due sooner: wait for whichever comes first.
      const started = Date.now();
      await Promise.race([...running, sleep(wait)]);
      if (running.size === 0) stats.waitedMs += Date.now() - started;
      continue;
    }
    seen.add(next.eventId);
    stats.maxChain = Math.max(stats.maxChain, next.chain.depth);
    const delivery: Promise<void> = queue.drain(1).then((n) => {
      stats.deliveries += n;
      running.delete(delivery);
    });
    running.add(delivery);
  }
  stats.pushes = seen.size;
  stats.failed = queue.deliveries.filter((d) => d.outcome === 'failed').length;
  return stats;
};
