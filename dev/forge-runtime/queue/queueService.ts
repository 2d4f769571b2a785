/**
 * The async-events side of `__forge_fetch__` (stargate `/webhook/queue/publish|stats|cancel/...`):
 * validates pushes against Forge's limits, tracks chains and jobs, and keeps events until
 * {@link QueueService.drain} delivers them in-process to the consumers of the manifest.
 */
import { randomUUID } from 'node:crypto';
import type { RuntimeClock } from '../clock';
import { emptyResponse, jsonResponse, parseJsonBody } from '../http';
import { currentInvocation } from '../invocation';
import type { RuntimeManifest } from '../manifest';
import { FORGE_QUEUE_LIMITS, JobRequestSchema, PushRequestSchema, pushRefusal, type QueueLimits } from './queueLimits';
import { JobTable, type DeliveryRecord, type ScheduledEvent } from './queueJobs';
import { bindingFor, type FunctionHandler, type FunctionLoader } from './consumerHandlers';
import { QueueDelivery } from './queueDelivery';

/** Options of the queue. */
export interface QueueOptions {
  limits?: Partial<QueueLimits>;
  /** Loads handlers named in the manifest (relative to src/). */
  loader?: FunctionLoader;
  /** Handlers by function key (take precedence over the loader). */
  handlers?: Record<string, FunctionHandler>;
  /** Overrides every consumer's time budget (ms) — to test `invocationRemainingTimeInMillis`. */
  invocationTimeoutMs?: number;
}

/** In-process Forge queue for one installation. */
export class QueueService {
  readonly limits: QueueLimits;
  readonly jobs = new JobTable();
  readonly handlers = new Map<string, FunctionHandler>();
  /** Outcomes of settled events, in order. */
  readonly deliveries: DeliveryRecord[] = [];
  pending: ScheduledEvent[] = [];
  private seq = 0;
  private readonly pushedAt: { at: number; count: number }[] = [];
  private readonly delivery: QueueDelivery;

  constructor(readonly clock: RuntimeClock, readonly manifest: RuntimeManifest, readonly options: QueueOptions = {}) {
    this.limits = { ...FORGE_QUEUE_LIMITS, ...options.limits };
    for (const [k, h] of Object.entries(options.handlers ?? {})) this.handlers.set(k, h);
    this.delivery = new QueueDelivery(this);
  }

  /** Sets (or replaces) the handler of a function key. */
  setHandler(functionKey: string, handler: FunctionHandler): void {
    this.handlers.set(functionKey, handler);
  }

  /** Delivers events until none is left (advancing the runtime clock over delays); returns deliveries made. */
  drain(maxDeliveries = 100_000): Promise<number> {
    return this.delivery.drain(maxDeliveries);
  }

  /** Adds an event to the schedule (also used for retries). */
  schedule(e: Omit<ScheduledEvent, 'seq'>): void {
    this.pending.push({ ...e, seq: this.seq++ });
  }

  /** Drops pending events and job counters. */
  reset(): void {
    this.pending = [];
    this.jobs.clear();
    this.deliveries.length = 0;
    this.pushedAt.length = 0;
  }

  /** Answers one `/webhook/queue/...` request. */
  handle(path: string, init: RequestInit | undefined): Response {
    const body = parseJsonBody(init);
    if (path.startsWith('/webhook/queue/publish/')) return this.push(body);
    const job = JobRequestSchema.safeParse(body);
    if (!job.success) return jsonResponse({ message: 'Invalid request' }, 400);
    const { jobId, queueName } = job.data;
    const stats = this.jobs.stats(jobId, queueName);
    if (stats === undefined) return jsonResponse({ message: 'Job not found' }, 404);
    if (path.startsWith('/webhook/queue/stats/')) return jsonResponse(stats);
    if (path.startsWith('/webhook/queue/cancel/')) {
      const cancelled = this.pending.filter((p) => p.jobId === jobId);
      this.pending = this.pending.filter((p) => p.jobId !== jobId);
      cancelled.forEach(() => { this.jobs.settle(jobId, 'cancelled'); });
      return emptyResponse(204);
    }
    return jsonResponse({ message: `Unknown queue endpoint ${path}` }, 404);
  }

  private recentEventCount(now: number): number {
    while (this.pushedAt.length > 0 && (this.pushedAt[0]?.at ?? 0) <= now - 60_000) this.pushedAt.shift();
    return this.pushedAt.reduce((n, p) => n + p.count, 0);
  }

  private push(body: unknown): Response {
    const req = PushRequestSchema.safeParse(body);
    if (!req.success) return jsonResponse({ message: 'Invalid push request' }, 400);
    const { queueName, jobId, payload } = req.data;
    const binding = bindingFor(this.manifest, queueName);
    if (binding === undefined) return jsonResponse({ message: `No consumer is declared for queue '${queueName}' in the manifest.` }, 400);
    const longRunning = (binding.fn.timeoutSeconds ?? 55) > this.limits.longRunningAboveSeconds;
    const refusal = pushRefusal(payload, longRunning, this.limits);
    if (refusal !== undefined) return jsonResponse(refusal.body, refusal.status);
    const parent = currentInvocation()?.chain;
    const chain = parent === undefined ? { id: randomUUID(), depth: 1 } : { id: parent.id, depth: parent.depth + 1 };
    if (chain.depth > this.limits.maxChainDepth) return jsonResponse({ message: 'The limit on cyclic invocation has been reached.' }, 405);
    const now = this.clock.now();
    if (this.recentEventCount(now) + payload.length > this.limits.maxEventsPerMinute) {
      return jsonResponse({ message: 'Too many requests.' }, 429);
    }
    this.pushedAt.push({ at: now, count: payload.length });
    this.jobs.add(jobId, queueName, payload.length);
    for (const event of payload) {
      this.schedule({ eventId: randomUUID(), jobId, queueName, event, dueAt: now + (event.delayInSeconds ?? 0) * 1000, chain });
    }
    return jsonResponse({ jobId }, 201);
  }
}
