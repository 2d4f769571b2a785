import { AdminApiSimulator } from '../../dev/admin-api-simulator';
import { call, contractErrors, ORG_NOW } from './simulator.harness';

jest.setTimeout(60_000);

/** Token buckets per endpoint class, X-RateLimit-* headers, Retry-After, and the published limits. */
let now = Date.parse('2026-06-01T12:00:00.000Z');
const sim = new AdminApiSimulator({ org: { users: 20, now: ORG_NOW, seed: 'limits' }, clock: () => now, rateLimits: { 'users-search': 5 } });
beforeAll(() => sim.start());
afterAll(() => sim.stop());

const lastActive = (): string => `/admin/v1/orgs/${sim.state.org.id}/directory/users/${sim.state.org.users[5]!.accountId}/last-active-dates`;
const search = (): string => `/admin/v2/orgs/${sim.state.org.id}/directories/-/users/search`;

it('last-active-dates allows the published 200 per minute, then 429 with ProxyError and headers', async () => {
  for (let i = 0; i < 200; i++) {
    const res = await call(sim, 'GET', lastActive());
    expect(res.status).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBe('200');
    expect(res.headers['x-ratelimit-remaining']).toBe(String(199 - i));
  }
  const limited = await call(sim, 'GET', lastActive());
  expect(limited.status).toBe(429);
  expect(limited.body).toEqual({ code: 429, message: 'Rate limit exceeded' });
  expect(limited.headers['retry-after']).toBe('1');
  expect(Date.parse(limited.headers['x-ratelimit-reset']!)).toBe(now + 60_000);
  expect(await contractErrors('GET', lastActive(), limited)).toEqual([]);
  expect(sim.counters()['last-active-dates']).toMatchObject({ requests: 201, statuses: { 200: 200, 429: 1 } });
});

it('refills continuously: one token per 300 ms at 200/min', async () => {
  now += 300;
  expect((await call(sim, 'GET', lastActive())).status).toBe(200);
  expect((await call(sim, 'GET', lastActive())).status).toBe(429);
  now += 60_000;
  const res = await call(sim, 'GET', lastActive());
  expect(res.headers['x-ratelimit-remaining']).toBe('199');
});

it('keeps classes apart and uses the configured limit of unpublished classes', async () => {
  for (let i = 0; i < 5; i++) expect((await call(sim, 'POST', search(), { body: {} })).status).toBe(200);
  const limited = await call(sim, 'POST', search(), { body: {} });
  expect(limited.status).toBe(429);
  expect(obj429(limited.body)).toMatchObject({ status: '429', code: 'ADMIN-429-1' });
  expect(await contractErrors('POST', search(), limited)).toEqual([]);
  const groups = await call(sim, 'POST', `/admin/v2/orgs/${sim.state.org.id}/directories/-/groups/search`, { body: {} });
  expect(groups.headers['x-ratelimit-limit']).toBe('300');
  const events = await call(sim, 'GET', `/admin/v1/orgs/${sim.state.org.id}/events-stream`);
  expect(events.headers['x-ratelimit-limit']).toBe('50');
});

it('does not charge rejected keys', async () => {
  now += 60_000;
  const before = (await call(sim, 'POST', search(), { body: {} })).headers['x-ratelimit-remaining'];
  expect((await call(sim, 'POST', search(), { body: {}, key: 'wrong' })).status).toBe(401);
  const after = (await call(sim, 'POST', search(), { body: {} })).headers['x-ratelimit-remaining'];
  expect(Number(after)).toBe(Number(before) - 1);
});

it('can leave Retry-After out of genuine 429s', async () => {
  const quiet = new AdminApiSimulator({ org: sim.state.org, clock: () => now, retryAfter: false, rateLimits: { orgs: 1 } });
  await quiet.start();
  try {
    await call(quiet, 'GET', '/admin/v1/orgs');
    const res = await call(quiet, 'GET', '/admin/v1/orgs');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBeUndefined();
    expect(res.headers['x-ratelimit-reset']).toBeDefined();
  } finally {
    await quiet.stop();
  }
});

function obj429(body: unknown): unknown {
  return (body as { errors: unknown[] }).errors[0];
}
