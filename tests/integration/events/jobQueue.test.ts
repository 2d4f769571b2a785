import { useForgeRuntime } from '../../support/forgeRuntime';
import { ForgeJobQueue, parseJobMessage, QUEUE_KEYS } from '../../../src/adapters/events/jobQueue';
import { remainingMs } from '../../../src/adapters/events/remainingTime';
import type { JobMessage } from '../../../src/domain/ports/jobQueue';
import { bodyOf, queueManifest } from './support';

const rt = useForgeRuntime({ sql: false, ...queueManifest(['ulo-sync', 'ulo-jobs']) });

const received: { queue: string; message: JobMessage; at: number; remaining: number }[] = [];

beforeEach(() => {
  rt.reset();
  received.length = 0;
  for (const queue of Object.values(QUEUE_KEYS)) {
    rt.setConsumerHandler(`${queue}-worker`, (event) => {
      received.push({ queue, message: parseJobMessage(bodyOf(event)), at: rt.runtime.clock.now(), remaining: remainingMs() });
      return undefined;
    });
  }
});

describe('ForgeJobQueue through @forge/events against the local runtime', () => {
  it('sends sync slices to ulo-sync and bulk actions, task runs, webhook deliveries and reverts to ulo-jobs, as they were pushed', async () => {
    const queue = new ForgeJobQueue();
    const messages: JobMessage[] = [
      { kind: 'sync', runId: 'run-1', slice: 0 },
      { kind: 'bulk-action', jobId: 'job-1', slice: 3 },
      { kind: 'task-run', taskId: 'task-1', runId: 'run-9', slice: 1 },
      { kind: 'webhook-delivery', deliveryId: 'wh-1', attempt: 2 },
      { kind: 'revert', jobId: 'job-2', slice: 0 },
    ];
    for (const m of messages) await queue.push(m);
    await rt.runtime.queue.drain();
    expect(received.map((r) => [r.queue, r.message])).toEqual([
      ['ulo-sync', messages[0]],
      ['ulo-jobs', messages[1]],
      ['ulo-jobs', messages[2]],
      ['ulo-jobs', messages[3]],
      ['ulo-jobs', messages[4]],
    ]);
    expect(rt.runtime.queue.deliveries.every((d) => d.outcome === 'success')).toBe(true);
  });

  it('delays delivery by delaySeconds, and the consumer sees its 900 s budget through remainingMs()', async () => {
    const start = rt.runtime.clock.now();
    await new ForgeJobQueue().push({ kind: 'sync', runId: 'run-2', slice: 1 }, 120);
    await rt.runtime.queue.drain();
    expect(received[0]!.at - start).toBeGreaterThanOrEqual(120_000);
    expect(received[0]!.remaining).toBeGreaterThan(890_000);
    expect(received[0]!.remaining).toBeLessThanOrEqual(900_000);
  });

  it.each([
    ['an empty id', { kind: 'sync', runId: '', slice: 0 }],
    ['a negative slice', { kind: 'sync', runId: 'r', slice: -1 }],
    ['a fractional slice', { kind: 'sync', runId: 'r', slice: 1.5 }],
    ['an id over 200 characters', { kind: 'sync', runId: 'r'.repeat(201), slice: 0 }],
    ['an unknown field', { kind: 'sync', runId: 'r', slice: 0, cursor: 'x' }],
    ['an unknown kind', { kind: 'undo', jobId: 'j', slice: 0 }],
    ['a missing field', { kind: 'task-run', taskId: 't', slice: 0 }],
  ])('refuses a message with %s before it reaches the queue', async (_label, message) => {
    await expect(new ForgeJobQueue().push(message as unknown as JobMessage)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(rt.runtime.queue.pending).toHaveLength(0);
  });

  it.each([-1, 901, 2.5, Number.NaN])('refuses a delay of %p seconds', async (delay) => {
    await expect(new ForgeJobQueue().push({ kind: 'sync', runId: 'r', slice: 0 }, delay)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('parses event bodies for consumers and refuses anything else', () => {
    expect(parseJobMessage({ kind: 'bulk-action', jobId: 'j', slice: 2 })).toEqual({ kind: 'bulk-action', jobId: 'j', slice: 2 });
    for (const body of [null, 'sync', {}, { kind: 'sync', runId: 'r' }, { kind: 'sync', runId: 'r', slice: 0, more: 1 }]) {
      expect(() => parseJobMessage(body)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }) as Error);
    }
  });

  it('reports the invocation time left, or the runtime default outside an invocation', async () => {
    const inside = await rt.runtime.invoke({ timeoutMs: 60_000 }, () => Promise.resolve(remainingMs()));
    expect(inside).toBeGreaterThan(59_000);
    expect(inside).toBeLessThanOrEqual(60_000);
    expect(remainingMs()).toBe(25_000);
  });
});
