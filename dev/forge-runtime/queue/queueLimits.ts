/**
 * Forge async-events limits (limits-async-events) checked on every push, as the platform does after
 * the SDK's own client-side checks: 50 events and 200 KB per push, 100 KB per event for long-running
 * consumers (timeout > 55 s), delays 0..900 s, 500 events per minute, 1000 pushes per chain.
 */
import { z } from 'zod';

/** The limits, overridable for tests. */
export interface QueueLimits {
  maxEventsPerPush: number;
  maxPushBytes: number;
  maxLongRunningEventBytes: number;
  /** Consumers with a function timeout above this (seconds) are long-running. */
  longRunningAboveSeconds: number;
  maxDelaySeconds: number;
  maxEventsPerMinute: number;
  maxChainDepth: number;
  /** Retries granted to an event after the first attempt (InvocationError). */
  maxRetries: number;
  maxRetryDataBytes: number;
}

/** The documented values (maxRetries 4 is our reading; the docs do not state it). */
export const FORGE_QUEUE_LIMITS: Readonly<QueueLimits> = Object.freeze({
  maxEventsPerPush: 50,
  maxPushBytes: 200 * 1024,
  maxLongRunningEventBytes: 100 * 1024,
  longRunningAboveSeconds: 55,
  maxDelaySeconds: 900,
  maxEventsPerMinute: 500,
  maxChainDepth: 1000,
  maxRetries: 4,
  maxRetryDataBytes: 4 * 1024,
});

/** One event of a push request. */
export const PushEventSchema = z.object({
  body: z.record(z.string(), z.unknown()),
  delayInSeconds: z.number().optional(),
  concurrency: z.object({ key: z.string(), limit: z.number() }).optional(),
});

/** The publish body @forge/events posts. */
export const PushRequestSchema = z.object({
  queueName: z.string(),
  jobId: z.string(),
  type: z.string().optional(),
  schema: z.string().optional(),
  payload: z.array(PushEventSchema),
  time: z.string().optional(),
});

/** Stats / cancel body. */
export const JobRequestSchema = z.object({ queueName: z.string(), jobId: z.string(), time: z.string().optional() });

/** A pushed event. */
export type PushEvent = z.infer<typeof PushEventSchema>;

/** A refused push: status + body as the platform answers (the SDK maps 413/405/429/other). */
export interface PushRefusal {
  status: number;
  body: Record<string, unknown>;
}

const bytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), 'utf8');

/** Checks count, sizes and delays of one push; `longRunning` when the queue's consumer is long-running. */
export function pushRefusal(events: PushEvent[], longRunning: boolean, limits: QueueLimits): PushRefusal | undefined {
  if (events.length === 0) return { status: 400, body: { message: 'No events pushed.' } };
  if (events.length > limits.maxEventsPerPush) {
    return { status: 400, body: { message: `This push contains more than the ${limits.maxEventsPerPush} events allowed.` } };
  }
  const total = bytes(events);
  if (total > limits.maxPushBytes) {
    return { status: 413, body: { errorMessage: `The push is ${total} bytes; the maximum payload size is ${limits.maxPushBytes} bytes.` } };
  }
  if (longRunning) {
    const big = events.findIndex((e) => bytes(e) > limits.maxLongRunningEventBytes);
    if (big >= 0) {
      return { status: 413, body: { errorMessage: `Event ${big} is ${bytes(events[big])} bytes; long-running consumers accept at most ${limits.maxLongRunningEventBytes} bytes per event.` } };
    }
  }
  const badDelay = events.find((e) => e.delayInSeconds !== undefined && (e.delayInSeconds < 0 || e.delayInSeconds > limits.maxDelaySeconds));
  if (badDelay !== undefined) {
    return { status: 400, body: { message: `The delayInSeconds setting must be between 0 and ${limits.maxDelaySeconds}.` } };
  }
  return undefined;
}
