import { JiraSimulator, type SimResponse } from '../../../dev/jira-simulator';

const path = '/rest/servicedeskapi/servicedesk';

describe('Jira/JSM simulator: rate limits and faults', () => {
  it('answers 429 with Retry-After and X-RateLimit-* once the bucket is empty, and refills over time', async () => {
    let now = Date.UTC(2026, 0, 1);
    const sim = new JiraSimulator({ rateLimit: { perMinute: 60, burst: 2 }, now: () => now });
    const answers: SimResponse[] = [];
    for (let i = 0; i < 3; i += 1) answers.push(await sim.handle({ method: 'GET', path }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers[0]!.headers).toMatchObject({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '1' });
    expect(answers[2]!.headers).toMatchObject({ 'retry-after': '1', 'x-ratelimit-remaining': '0', 'ratelimit-reason': 'jira-burst-based' });
    expect(Date.parse(answers[2]!.headers['x-ratelimit-reset']!)).toBeGreaterThan(now);
    now += 1000;
    expect((await sim.handle({ method: 'GET', path })).status).toBe(200);
  });

  it('keeps a bucket per operation unless scope is site', async () => {
    const now = (): number => 0;
    const perOp = new JiraSimulator({ rateLimit: { perMinute: 60, burst: 1 }, now });
    const site = new JiraSimulator({ rateLimit: { perMinute: 60, burst: 1, scope: 'site' }, now });
    for (const sim of [perOp, site]) await sim.handle({ method: 'GET', path });
    expect((await perOp.handle({ method: 'GET', path: '/rest/servicedeskapi/organization' })).status).toBe(200);
    expect((await site.handle({ method: 'GET', path: '/rest/servicedeskapi/organization' })).status).toBe(429);
  });

  it('serves scripted faults in order, for the operation named', async () => {
    const sim = new JiraSimulator({ rateLimit: false });
    sim.inject({ status: 429, times: 2, operation: 'getOrganizations', retryAfterSeconds: 7 });
    sim.inject({ status: 503, times: 1 });
    expect((await sim.handle({ method: 'GET', path })).status).toBe(503);
    const limited = await sim.handle({ method: 'GET', path: '/rest/servicedeskapi/organization' });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect((await sim.handle({ method: 'GET', path: '/rest/servicedeskapi/organization' })).status).toBe(429);
    expect((await sim.handle({ method: 'GET', path: '/rest/servicedeskapi/organization' })).status).toBe(200);
    expect(sim.counters().getOrganizations.byStatus).toEqual({ '200': 1, '429': 2 });
  });

  it('replays the same random storm for the same fault seed', async () => {
    const statuses = async (seed: number): Promise<number[]> => {
      const sim = new JiraSimulator({ rateLimit: false, faults: { seed, burstRate: 0.1, serverErrorRate: 0.1 } });
      const out: number[] = [];
      for (let i = 0; i < 60; i += 1) out.push((await sim.handle({ method: 'GET', path })).status);
      return out;
    };
    const a = await statuses(11);
    expect(await statuses(11)).toEqual(a);
    expect(a.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(a.filter((s) => s >= 500).length).toBeGreaterThan(0);
  });

  it('waits the seeded latency through the given sleep', async () => {
    const waits: number[] = [];
    const sim = new JiraSimulator({ latency: { medianMs: 120 }, sleep: (ms) => { waits.push(ms); return Promise.resolve(); } });
    for (let i = 0; i < 41; i += 1) await sim.handle({ method: 'GET', path });
    const median = [...waits].sort((a, b) => a - b)[20]!;
    expect(median).toBeGreaterThan(80);
    expect(median).toBeLessThan(170);
  });

  it('answers 404 to paths it does not serve and 405 to writes', async () => {
    const sim = new JiraSimulator();
    expect((await sim.handle({ method: 'GET', path: '/rest/api/3/issue/X-1' })).status).toBe(404);
    expect((await sim.handle({ method: 'POST', path, body: '{}' })).status).toBe(405);
    expect(sim.counters().unrouted.requests).toBe(1);
  });
});
