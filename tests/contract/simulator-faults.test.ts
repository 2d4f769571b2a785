import type { FaultRule } from '../../dev/admin-api-simulator';
import { call, contractErrors, createSimulator, ORG_NOW } from './simulator.harness';

jest.setTimeout(60_000);

/** Fault injection from configuration: 429 bursts, 5xx, slow answers, malformed pages, dropped connections. */
const sim = createSimulator();
beforeAll(() => sim.start());
afterAll(() => sim.stop());
beforeEach(() => {
  sim.setFaults([]);
  sim.resetCounters();
});

const search = (): string => `/admin/v2/orgs/${sim.state.org.id}/directories/-/users/search`;
const statuses = async (n: number): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await call(sim, 'POST', search(), { body: {} })).status);
  return out;
};

it('a 429 burst hits exactly the configured calls, with Retry-After and a spec-valid body', async () => {
  sim.setFaults([{ kind: 'rate-limit', endpoints: ['users-search'], from: 2, count: 3, retryAfterSeconds: 2 }]);
  const first = await call(sim, 'POST', search(), { body: {} });
  const burst = await call(sim, 'POST', search(), { body: {} });
  expect(burst.status).toBe(429);
  expect(burst.headers['retry-after']).toBe('2');
  expect(burst.headers['x-ratelimit-remaining']).toBe('0');
  expect(await contractErrors('POST', search(), burst)).toEqual([]);
  expect([first.status, ...(await statuses(4))]).toEqual([200, 429, 429, 200, 200]);
  expect(sim.counters()['users-search']).toMatchObject({ requests: 6, faults: 3, statuses: { 200: 3, 429: 3 } });
});

it('a 429 storm without Retry-After still says when the bucket resets', async () => {
  sim.setFaults([{ kind: 'rate-limit', calls: [1], retryAfterSeconds: null }]);
  const res = await call(sim, 'POST', search(), { body: {} });
  expect(res.status).toBe(429);
  expect(res.headers['retry-after']).toBeUndefined();
  expect(Date.parse(res.headers['x-ratelimit-reset']!)).toBeGreaterThan(Date.now());
});

it('server errors: 500 in the spec shape, 502/503/504 as ProxyError', async () => {
  sim.setFaults([{ kind: 'server-error', calls: [1] }, { kind: 'server-error', status: 503, calls: [2] }]);
  const a = await call(sim, 'POST', search(), { body: {} });
  expect(a.status).toBe(500);
  expect(await contractErrors('POST', search(), a)).toEqual([]);
  const b = await call(sim, 'POST', search(), { body: {} });
  expect(b.status).toBe(503);
  expect(b.body).toEqual({ code: 503, message: 'Injected server error' });
});

it('malformed pages: cut-off JSON and a page without data', async () => {
  sim.setFaults([{ kind: 'malformed-json', calls: [1] }, { kind: 'missing-fields', calls: [2] }]);
  const res = await fetch(`${sim.url}${search()}`, { method: 'POST', headers: { Authorization: 'Bearer sim-valid-key' }, body: '{}' });
  expect(res.status).toBe(200);
  const text = await res.text();
  expect(() => JSON.parse(text) as unknown).toThrow();
  const missing = await call(sim, 'POST', search(), { body: {} });
  expect(missing.status).toBe(200);
  expect(missing.body).not.toHaveProperty('data');
  expect(await contractErrors('POST', search(), missing)).not.toEqual([]);
});

it('slow answers and a latency model delay the response', async () => {
  sim.setFaults([{ kind: 'slow', delayMs: 150, calls: [1] }]);
  let t = Date.now();
  await call(sim, 'POST', search(), { body: {} });
  expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  sim.setLatency({ medianMs: 40, sigma: 0.1 });
  t = Date.now();
  await call(sim, 'POST', search(), { body: {} });
  expect(Date.now() - t).toBeGreaterThanOrEqual(25);
  sim.setLatency({ medianMs: 0 });
});

it('held answers wait for their release, while the request itself is served at once', async () => {
  const release = sim.holdAnswers();
  let answered = false;
  const pending = call(sim, 'POST', search(), { body: {} }).then((res) => {
    answered = true;
    return res;
  });
  while (sim.counters()['users-search'].requests !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(answered).toBe(false);
  release();
  expect((await pending).status).toBe(200);
  expect((await call(sim, 'POST', search(), { body: {} })).status).toBe(200);
});

it('connection resets make the request fail at the transport level', async () => {
  sim.setFaults([{ kind: 'connection-reset', calls: [1] }]);
  await expect(call(sim, 'POST', search(), { body: {} })).rejects.toThrow();
  expect((await call(sim, 'POST', search(), { body: {} })).status).toBe(200);
});

it('rate-based faults are seeded: the same seed gives the same sequence', async () => {
  const rule: FaultRule[] = [{ kind: 'server-error', rate: 0.3 }];
  const runs: number[][] = [];
  for (let r = 0; r < 2; r++) {
    const s = createSimulator({ org: { users: 10, now: ORG_NOW, seed: 'f' }, faults: rule, seed: 'same' });
    await s.start();
    const seq: number[] = [];
    for (let i = 0; i < 30; i++) seq.push((await call(s, 'GET', '/admin/v1/orgs')).status);
    runs.push(seq);
    await s.stop();
  }
  expect(runs[0]).toEqual(runs[1]);
  expect(runs[0]!.filter((s) => s === 500).length).toBeGreaterThan(3);
  expect(runs[0]!.filter((s) => s === 200).length).toBeGreaterThan(10);
});
