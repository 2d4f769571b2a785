import { useForgeRuntime } from '../../support/forgeRuntime';
import {
  Queue, TooManyEventsError, PayloadTooBigError, InvalidPushSettingsError, InvocationLimitReachedError, RateLimitError,
  InternalServerError, type AsyncEvent,
} from '@forge/events';
import { TEST_QUEUES, bodyOfKb } from './queueFixtures';

const rt = useForgeRuntime({ sql: false, manifest: TEST_QUEUES });
beforeEach(() => { rt.reset(); });

const shortQ = new Queue({ key: 'short-q' });
const longQ = new Queue({ key: 'long-q' });

/** Posts a push body straight to the runtime, bypassing the SDK's client-side checks. */
async function rawPush(queueName: string, payload: unknown[]): Promise<number> {
  const forgeFetch = (globalThis as unknown as { __forge_fetch__: (t: unknown, p: string, i: RequestInit) => Promise<Response> }).__forge_fetch__;
  const res = await forgeFetch({ type: 'fpp', provider: 'app', remote: 'stargate' }, '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}', {
    method: 'POST', body: JSON.stringify({ queueName, jobId: 'raw-job', payload }),
  });
  return res.status;
}

describe('async events push limits', () => {
  it('accepts 50 events and refuses 51 (SDK and platform)', async () => {
    rt.setConsumerHandler('short-fn', () => undefined);
    const events = (n: number) => Array.from({ length: n }, (_, i) => ({ body: { i } }));
    await shortQ.push(events(50));
    await expect(shortQ.push(events(51))).rejects.toBeInstanceOf(TooManyEventsError);
    expect(await rawPush('short-q', events(51))).toBe(400);
  });

  it('refuses pushes over 200 KB (SDK and platform: 413)', async () => {
    await expect(shortQ.push([{ body: bodyOfKb(120) }, { body: bodyOfKb(90) }])).rejects.toBeInstanceOf(PayloadTooBigError);
    expect(await rawPush('short-q', [{ body: bodyOfKb(120) }, { body: bodyOfKb(90) }])).toBe(413);
  });

  it('refuses events over 100 KB for a long-running consumer (timeout > 55 s) only', async () => {
    rt.setConsumerHandler('short-fn', () => undefined);
    await shortQ.push({ body: bodyOfKb(150) });
    const error: unknown = await longQ.push({ body: bodyOfKb(150) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooBigError);
    expect((error as Error).message).toMatch(/long-running consumers accept at most 102400 bytes/);
    await longQ.push({ body: bodyOfKb(99) });
  });

  it('refuses delays over 900 s (SDK and platform) and delivers a 900 s delay without waiting', async () => {
    await expect(shortQ.push({ body: {}, delayInSeconds: 901 })).rejects.toBeInstanceOf(InvalidPushSettingsError);
    expect(await rawPush('short-q', [{ body: {}, delayInSeconds: 901 }])).toBe(400);
    const deliveredAt: number[] = [];
    rt.setConsumerHandler('short-fn', () => { deliveredAt.push(rt.runtime.clock.now()); });
    const pushedAt = rt.runtime.clock.now();
    const realStart = Date.now();
    await shortQ.push({ body: {}, delayInSeconds: 900 });
    await rt.runtime.queue.drain();
    expect((deliveredAt[0] ?? 0) - pushedAt).toBeGreaterThanOrEqual(900_000);
    expect(Date.now() - realStart).toBeLessThan(1000);
  });

  it('refuses pushes to a queue no consumer declares', async () => {
    await expect(new Queue({ key: 'nobody-listens' }).push({ body: {} })).rejects.toBeInstanceOf(InternalServerError);
  });

  it('refuses more than 500 events per minute with RateLimitError', async () => {
    rt.setConsumerHandler('short-fn', () => undefined);
    for (let i = 0; i < 10; i++) await shortQ.push(Array.from({ length: 50 }, () => ({ body: {} })));
    await expect(shortQ.push({ body: {} })).rejects.toBeInstanceOf(RateLimitError);
    rt.runtime.clock.advance(60_000);
    await shortQ.push({ body: {} });
  });

  it('stops a self-re-pushing chain after 1000 pushes with InvocationLimitReachedError', async () => {
    let limitError: unknown;
    let pushes = 1;
    rt.setConsumerHandler('short-fn', async (event) => {
      const { body } = event as AsyncEvent<{ hop: number }>;
      rt.runtime.clock.advance(200); // each hop works 200 ms: stays under 500 events per minute
      try {
        await shortQ.push({ body: { hop: body.hop + 1 } });
        pushes++;
      } catch (e) {
        limitError = e;
      }
    });
    await shortQ.push({ body: { hop: 1 } });
    await rt.runtime.queue.drain();
    expect(pushes).toBe(1000);
    expect(limitError).toBeInstanceOf(InvocationLimitReachedError);
  });

  it('starts a new chain for pushes made outside an event (e.g. a resolver)', async () => {
    rt.setConsumerHandler('short-fn', () => undefined);
    for (let i = 0; i < 3; i++) await shortQ.push({ body: {} });
    expect(rt.runtime.queue.pending.map((p) => p.chain.depth)).toEqual([1, 1, 1]);
  });
});
