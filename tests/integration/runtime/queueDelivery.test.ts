import { useForgeRuntime } from '../../support/forgeRuntime';
import { Queue, InvocationError, InvocationErrorCode, JobDoesNotExistError, type AsyncEvent } from '@forge/events';
import { getAppContext } from '@forge/api';
import { TEST_QUEUES } from './queueFixtures';

const rt = useForgeRuntime({ sql: false, manifest: TEST_QUEUES });
beforeEach(() => { rt.reset(); });

const shortQ = new Queue({ key: 'short-q' });

describe('async event delivery', () => {
  it('delivers an AsyncEvent to a function consumer and counts the job', async () => {
    const seen: AsyncEvent[] = [];
    rt.setConsumerHandler('short-fn', (event) => { seen.push(event as AsyncEvent); });
    const { jobId } = await shortQ.push([{ body: { a: 1 } }, { body: { a: 2 } }]);
    expect(await shortQ.getJob(jobId).getStats()).toEqual({ success: 0, inProgress: 2, failed: 0 });
    expect(await rt.runtime.queue.drain()).toBe(2);
    expect(seen.map((e) => e.body)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(seen[0]).toMatchObject({ queueName: 'short-q', jobId, eventId: expect.any(String) as unknown });
    expect(await shortQ.getStats(jobId)).toEqual({ success: 2, inProgress: 0, failed: 0 });
  });

  it('calls a resolver consumer with the body as payload and the jobId in context', async () => {
    const calls: unknown[] = [];
    rt.setConsumerHandler('resolver-fn', (invocation) => { calls.push(invocation); });
    const { jobId } = await new Queue({ key: 'res-q' }).push({ body: { page: 3 } });
    await rt.runtime.queue.drain();
    expect(calls).toEqual([{ call: { functionKey: 'on-event', payload: { page: 3 }, jobId }, context: {} }]);
  });

  it('retries an event whose consumer returns InvocationError, with retryContext, after retryAfter', async () => {
    const attempts: { at: number; retry: unknown }[] = [];
    rt.setConsumerHandler('short-fn', (event) => {
      const e = event as AsyncEvent;
      attempts.push({ at: rt.runtime.clock.now(), retry: e.retryContext });
      if (e.retryContext === undefined) {
        return new InvocationError({ retryAfter: 30, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, retryData: { cursor: 'c2' } });
      }
      return undefined;
    });
    const { jobId } = await shortQ.push({ body: {} });
    await rt.runtime.queue.drain();
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.retry).toEqual({ retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { cursor: 'c2' } });
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(30_000);
    expect(await shortQ.getStats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });

  it('fails an event after the retries run out, and when the consumer throws', async () => {
    let calls = 0;
    rt.setConsumerHandler('short-fn', (event) => {
      calls++;
      if ((event as AsyncEvent<{ kind: string }>).body.kind === 'throw') throw new Error('boom');
      return new InvocationError();
    });
    const { jobId } = await shortQ.push([{ body: { kind: 'retry' } }, { body: { kind: 'throw' } }]);
    await rt.runtime.queue.drain();
    expect(calls).toBe(1 + rt.runtime.queue.limits.maxRetries + 1);
    expect(await shortQ.getStats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 2 });
    expect(rt.runtime.queue.deliveries.map((d) => d.error)).toEqual(['boom', 'retries exhausted']);
  });

  it('cancels the pending events of a job', async () => {
    let calls = 0;
    rt.setConsumerHandler('short-fn', () => { calls++; });
    const { jobId } = await shortQ.push([{ body: {}, delayInSeconds: 60 }, { body: {}, delayInSeconds: 60 }]);
    await shortQ.getJob(jobId).cancel();
    await rt.runtime.queue.drain();
    expect(calls).toBe(0);
    expect(await shortQ.getStats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 0 });
  });

  it('answers stats and cancel for unknown jobs with JobDoesNotExistError', async () => {
    await expect(shortQ.getStats('no-such-job')).rejects.toBeInstanceOf(JobDoesNotExistError);
    await expect(shortQ.cancel('no-such-job')).rejects.toBeInstanceOf(JobDoesNotExistError);
  });

  it('gives each invocation its own remaining time (function timeoutSeconds)', async () => {
    const remaining: Record<string, number> = {};
    rt.setConsumerHandler('short-fn', () => { remaining.short = getAppContext().invocationRemainingTimeInMillis(); });
    rt.setConsumerHandler('long-fn', () => { remaining.long = getAppContext().invocationRemainingTimeInMillis(); });
    await shortQ.push({ body: {} });
    await new Queue({ key: 'long-q' }).push({ body: {} });
    await rt.runtime.queue.drain();
    expect(remaining.short).toBeGreaterThan(54_000);
    expect(remaining.short).toBeLessThanOrEqual(55_000);
    expect(remaining.long).toBeGreaterThan(899_000);
    expect(remaining.long).toBeLessThanOrEqual(900_000);
  });

  it('fails an invocation that runs past its timeout', async () => {
    rt.setConsumerHandler('slow-fn', async () => { await new Promise((r) => setTimeout(r, 1200)); });
    const { jobId } = await new Queue({ key: 'slow-q' }).push({ body: {} });
    await rt.runtime.queue.drain();
    expect(await new Queue({ key: 'slow-q' }).getStats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 1 });
    expect(rt.runtime.queue.deliveries[0]?.error).toBe('FUNCTION_TIME_OUT');
  });
});
