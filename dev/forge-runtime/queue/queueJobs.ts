/** Job bookkeeping behind `getStats()` and `cancel()`: per job, events succeeded / in progress / failed. */
import type { EventChain } from '../invocation';
import type { PushEvent } from './queueLimits';

/** The retry context Forge attaches to a retried event. */
export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData?: unknown;
}

/** An event waiting for delivery. */
export interface ScheduledEvent {
  seq: number;
  eventId: string;
  jobId: string;
  queueName: string;
  event: PushEvent;
  /** Runtime-clock time at which it becomes deliverable. */
  dueAt: number;
  chain: EventChain;
  retryContext?: RetryContext;
}

/** Final outcome of one event. */
export interface DeliveryRecord {
  eventId: string;
  jobId: string;
  queueName: string;
  outcome: 'success' | 'failed';
  attempts: number;
  error?: string;
}

interface Job {
  queueName: string;
  success: number;
  failed: number;
  inProgress: number;
}

/** Counters per job. */
export class JobTable {
  private readonly jobs = new Map<string, Job>();

  /** Registers events of a push (all in progress). */
  add(jobId: string, queueName: string, count: number): void {
    const job = this.jobs.get(jobId) ?? { queueName, success: 0, failed: 0, inProgress: 0 };
    job.inProgress += count;
    this.jobs.set(jobId, job);
  }

  /** Moves one event out of "in progress". */
  settle(jobId: string, outcome: 'success' | 'failed' | 'cancelled'): void {
    const job = this.jobs.get(jobId);
    if (job === undefined) return;
    job.inProgress = Math.max(0, job.inProgress - 1);
    if (outcome === 'success') job.success++;
    if (outcome === 'failed') job.failed++;
  }

  /** `{ success, inProgress, failed }` or undefined for an unknown job / queue mismatch. */
  stats(jobId: string, queueName: string): { success: number; inProgress: number; failed: number } | undefined {
    const job = this.jobs.get(jobId);
    if (job?.queueName !== queueName) return undefined;
    return { success: job.success, inProgress: job.inProgress, failed: job.failed };
  }

  /** Forgets everything. */
  clear(): void {
    this.jobs.clear();
  }
}
