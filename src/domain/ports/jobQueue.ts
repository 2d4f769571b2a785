/** A queue event: the job it belongs to and the slice number, never the work itself (events are at most 100 KB). */
export type JobMessage =
  | { kind: 'sync' | 'sync-activity'; runId: string; slice: number }
  | { kind: 'bulk-action'; jobId: string; slice: number }
  /** A revert of a finished job (B5). */
  | { kind: 'revert'; jobId: string; slice: number }
  | { kind: 'task-run'; taskId: string; runId: string; slice: number }
  /** Attempt `attempt` (1-based) of one Automation webhook delivery. */
  | { kind: 'webhook-delivery'; deliveryId: string; attempt: number };

/** The platform queue that runs long work in slices; every message is idempotent to re-deliver. */
export interface JobQueue {
  push(message: JobMessage, delaySeconds?: number): Promise<void>;
}
