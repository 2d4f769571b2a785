import { Queue } from '@forge/events';
import { DomainError } from '../../domain/model/errors';
import type { JobMessage, JobQueue } from '../../domain/ports/jobQueue';
import { jobMessageSchema, queueKeyOf, type QueueKey } from './jobMessages';
import { queueError } from './queueErrors';

/** Longest delay @forge/events accepts on a push (seconds). */
export const MAX_DELAY_SECONDS = 900;

/** Builds the @forge/events queue for a key (tests may count or wrap pushes). */
export type QueueFactory = (key: QueueKey) => Pick<Queue, 'push'>;

/**
 * The JobQueue port over @forge/events: `sync` messages go to `ulo-sync`, bulk actions and task runs to
 * `ulo-jobs`, each as one `{ body, delayInSeconds }` event. Messages are validated before they are pushed
 * (VALIDATION_FAILED), and the SDK's errors become DomainErrors (see queueErrors.ts).
 */
export class ForgeJobQueue implements JobQueue {
  private readonly queues = new Map<QueueKey, Pick<Queue, 'push'>>();

  constructor(private readonly factory: QueueFactory = (key) => new Queue({ key })) {}

  async push(message: JobMessage, delaySeconds = 0): Promise<void> {
    const parsed = jobMessageSchema.safeParse(message);
    if (!parsed.success) {
      throw new DomainError('VALIDATION_FAILED', 'Refusing to queue an invalid job message.', {
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    if (!Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS) {
      throw new DomainError('VALIDATION_FAILED', `A queue delay must be a whole number of seconds in 0..${MAX_DELAY_SECONDS}.`, {
        delaySeconds,
      });
    }
    const key = queueKeyOf(parsed.data);
    try {
      await this.queue(key).push({ body: { ...parsed.data }, delayInSeconds: delaySeconds });
    } catch (error) {
      throw queueError(error, key);
    }
  }

  private queue(key: QueueKey): Pick<Queue, 'push'> {
    let queue = this.queues.get(key);
    if (!queue) {
      queue = this.factory(key);
      this.queues.set(key, queue);
    }
    return queue;
  }
}

export { QUEUE_KEYS, parseJobMessage } from './jobMessages';
