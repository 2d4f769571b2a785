import { useForgeRuntime } from '../../support/forgeRuntime';
import { ForgeJobQueue } from '../../../src/adapters/events/jobQueue';
import { bodyOf, queueManifest } from './support';

/** Only ulo-sync has a consumer here; the runtime's limits are lowered to reach them quickly. */
const rt = useForgeRuntime({
  sql: false,
  ...queueManifest(['ulo-sync']),
  queue: { limits: { maxEventsPerMinute: 5, maxChainDepth: 3 } },
});

beforeEach(() => {
  rt.reset();
  rt.runtime.clock.advance(61_000);
});

describe('ForgeJobQueue when the runtime refuses', () => {
  it('maps the 500-events-per-minute limit (here 5) to RATE_LIMITED', async () => {
    const queue = new ForgeJobQueue();
    for (let slice = 0; slice < 5; slice += 1) await queue.push({ kind: 'sync', runId: 'r', slice });
    await expect(queue.push({ kind: 'sync', runId: 'r', slice: 5 })).rejects.toMatchObject({ code: 'RATE_LIMITED', details: { queue: 'ulo-sync' } });
  });

  it('maps the chained-push limit (here 3) to UPSTREAM_FAILED with reason invocation-limit', async () => {
    const queue = new ForgeJobQueue();
    const errors: unknown[] = [];
    rt.setConsumerHandler('ulo-sync-worker', async (event) => {
      const body = bodyOf(event) as { slice: number };
      await queue.push({ kind: 'sync', runId: 'chain', slice: body.slice + 1 }).catch((e: unknown) => errors.push(e));
      return undefined;
    });
    await queue.push({ kind: 'sync', runId: 'chain', slice: 0 });
    await rt.runtime.queue.drain();
    expect(rt.runtime.queue.deliveries).toHaveLength(3);
    expect(errors).toEqual([expect.objectContaining({ code: 'UPSTREAM_FAILED', details: expect.objectContaining({ reason: 'invocation-limit' }) as unknown })]);
  });

  it('maps a platform refusal (no consumer for ulo-jobs) to UPSTREAM_FAILED', async () => {
    await expect(new ForgeJobQueue().push({ kind: 'bulk-action', jobId: 'j', slice: 0 })).rejects.toMatchObject({
      code: 'UPSTREAM_FAILED',
      details: { queue: 'ulo-jobs', sdkError: 'InternalServerError' },
    });
  });
});
