/**
 * Delivers scheduled events one at a time, earliest first, advancing the runtime clock over delays
 * (no real waiting). A consumer returning `InvocationError` (`{ _retry: true, retryOptions }`) gets
 * the event again after `retryAfter` seconds with a `retryContext`; thrown errors and time-outs fail it.
 */
import { runInvocation, type Invocation } from '../invocation';
import { bindingFor, resolveHandler, type ConsumerBinding } from './consumerHandlers';
import type { RetryContext, ScheduledEvent } from './queueJobs';
import type { QueueService } from './queueService';

interface RetryRequest {
  retryAfter: number;
  retryReason: string;
  retryData?: unknown;
}

function retryRequest(result: unknown): RetryRequest | undefined {
  if (typeof result !== 'object' || result === null || !('_retry' in result) || result._retry !== true) return undefined;
  const o = 'retryOptions' in result && typeof result.retryOptions === 'object' && result.retryOptions !== null
    ? (result.retryOptions as Record<string, unknown>) : {};
  return {
    retryAfter: typeof o.retryAfter === 'number' && o.retryAfter >= 1 ? o.retryAfter : 1,
    retryReason: typeof o.retryReason === 'string' ? o.retryReason : 'FUNCTION_RETRY_REQUEST',
    ...('retryData' in o ? { retryData: o.retryData } : {}),
  };
}

class TimedOut extends Error {}

/** The delivery loop of a {@link QueueService}. */
export class QueueDelivery {
  constructor(private readonly q: QueueService) {}

  /** Runs until no event is pending (or `max` deliveries). */
  async drain(max: number): Promise<number> {
    let count = 0;
    while (this.q.pending.length > 0 && count < max) {
      const next = this.q.pending.reduce((a, b) => (b.dueAt < a.dueAt || (b.dueAt === a.dueAt && b.seq < a.seq) ? b : a));
      this.q.pending = this.q.pending.filter((p) => p !== next);
      this.q.clock.advanceTo(next.dueAt);
      await this.deliver(next);
      count++;
    }
    return count;
  }

  private payloads(b: ConsumerBinding, e: ScheduledEvent, installContext: string): [unknown, unknown] {
    const retry = e.retryContext === undefined ? {} : { retryContext: e.retryContext };
    if (b.method !== undefined) {
      const payload = { ...e.event.body, ...retry };
      return [{ call: { functionKey: b.method, payload, jobId: e.jobId }, context: {} }, { installContext }];
    }
    const asyncEvent = { ...e.event, queueName: e.queueName, jobId: e.jobId, eventId: e.eventId, ...retry };
    return [asyncEvent, { installContext }];
  }

  private async deliver(e: ScheduledEvent): Promise<void> {
    const binding = bindingFor(this.q.manifest, e.queueName);
    const attempts = (e.retryContext?.retryCount ?? 0) + 1;
    const settle = (outcome: 'success' | 'failed', error?: string): void => {
      this.q.jobs.settle(e.jobId, outcome);
      this.q.deliveries.push({ eventId: e.eventId, jobId: e.jobId, queueName: e.queueName, outcome, attempts, ...(error === undefined ? {} : { error }) });
    };
    if (binding === undefined) { settle('failed', 'no consumer'); return; }
    const timeoutMs = this.q.options.invocationTimeoutMs ?? (binding.fn.timeoutSeconds ?? 55) * 1000;
    let result: unknown;
    try {
      const handler = await resolveHandler(binding.fn, this.q.handlers, this.q.options.loader);
      const [payload, context] = this.payloads(binding, e, `ari:cloud:jira::site/local`);
      const init: Partial<Invocation> = { chain: e.chain };
      result = await runInvocation({ functionKey: binding.fn.key, moduleKey: binding.consumer.key, moduleType: 'core:consumer', timeoutMs, ...init }, () =>
        withTimeout(Promise.resolve(handler(payload, context)), timeoutMs));
    } catch (err) {
      settle('failed', err instanceof TimedOut ? 'FUNCTION_TIME_OUT' : err instanceof Error ? err.message : String(err));
      return;
    }
    const retry = retryRequest(result);
    if (retry === undefined) { settle('success'); return; }
    if (attempts > this.q.limits.maxRetries) { settle('failed', 'retries exhausted'); return; }
    if (Buffer.byteLength(JSON.stringify(retry.retryData ?? null), 'utf8') > this.q.limits.maxRetryDataBytes) {
      settle('failed', 'retryData exceeds 4 KB'); return;
    }
    const retryContext: RetryContext = { retryCount: attempts, retryReason: retry.retryReason, ...('retryData' in retry ? { retryData: retry.retryData } : {}) };
    this.q.schedule({ ...e, retryContext, dueAt: this.q.clock.now() + retry.retryAfter * 1000 });
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => { reject(new TimedOut()); }, ms); })]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
