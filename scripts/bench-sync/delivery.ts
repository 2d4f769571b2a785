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

/**
 * Delivers the runtime's queue in real time: an event is delivered only once its delay (a continuation pushed
 * with `delayInSeconds` after a 429, a platform retry) has really passed, so the wall time counts every wait. The
 * runtime's own `drain()` would advance a virtual clock over delays instead.
 */
export const deliverInRealTime = async (queue: QueueService, clock: RuntimeClock): Promise<DeliveryStats> => {
  const seen = new Set<string>();
  const stats: DeliveryStats = { pushes: 0, deliveries: 0, failed: 0, maxChain: 0, waitedMs: 0 };
  while (queue.pending.length > 0) {
    const next = queue.pending.reduce((a, b) => (b.dueAt < a.dueAt || (b.dueAt === a.dueAt && b.seq < a.seq) ? b : a));
    seen.add(next.eventId);
    stats.maxChain = Math.max(stats.maxChain, next.chain.depth);
    const wait = next.dueAt - clock.now();
    if (wait > 0) {
      stats.waitedMs += wait;
      await sleep(wait);
    }
    stats.deliveries += await queue.drain(1);
  }
  stats.pushes = seen.size;
  stats.failed = queue.deliveries.filter((d) => d.outcome === 'failed').length;
  return stats;
};
