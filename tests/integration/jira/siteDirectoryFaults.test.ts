import { useForgeRuntime } from '../../support/forgeRuntime';
import { expectedCustomers, expectedRoleMembers } from '../../../dev/jira-simulator';
import { connect, mergeCustomers, sortedJson, walkAll } from './support/siteHarness';

const rt = useForgeRuntime({ sql: false });

const SITE = { seed: 8, users: 200, groups: 5, projects: 8, serviceDesks: 3, organizationSize: [0, 60] as const };

describe('JiraSiteDirectory under 429s and 5xx', () => {
  it('waits out a 429 burst for Retry-After and recovers', async () => {
    const { sim, directory, sleeps } = connect(rt, { ...SITE, rateLimit: false });
    sim.inject({ status: 429, times: 3, operation: 'getUsersFromGroup', retryAfterSeconds: 2 });
    const { items } = await walkAll((c) => directory.projectRoleMembers(c));
    expect(sortedJson(items)).toEqual(sortedJson(expectedRoleMembers(sim.site)));
    expect(sleeps).toEqual([2000, 2000, 2000]);
    expect(sim.counters().getUsersFromGroup.byStatus['429']).toBe(3);
  });

  it('paces itself through the simulator’s token bucket (Retry-After from X-RateLimit state)', async () => {
    const { sim, directory, sleeps } = connect(rt, { ...SITE, rateLimit: { perMinute: 120, burst: 5, scope: 'site' } });
    const { items } = await walkAll((c) => directory.serviceDeskCustomers(c));
    expect(sortedJson(mergeCustomers(items))).toEqual(sortedJson(expectedCustomers(sim.site)));
    expect(sleeps.length).toBeGreaterThan(0);
    expect(sleeps.every((ms) => ms === 1000)).toBe(true);
  });

  it('gives up with RATE_LIMITED (and when to retry) once the attempts are spent', async () => {
    const { sim, directory } = connect(rt, { ...SITE, rateLimit: false }, { maxAttempts: 3 });
    sim.inject({ status: 429, times: 10, retryAfterSeconds: 5 });
    const failure = directory.projectRoleMembers(null);
    await expect(failure).rejects.toMatchObject({ code: 'RATE_LIMITED', details: { operation: 'searchProjects', attempts: 3 } });
    expect(sim.totalRequests()).toBe(3);
  });

  it('does not sit out a Retry-After longer than maxWaitMs', async () => {
    const { sim, directory, sleeps } = connect(rt, { ...SITE, rateLimit: false }, { maxWaitMs: 10_000 });
    sim.inject({ status: 429, times: 1, retryAfterSeconds: 60 });
    const start = rt.runtime.clock.now();
    const error: unknown = await directory.serviceDeskCustomers(null).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAt = Date.parse((error as { details: { retryAt: string } }).details.retryAt);
    expect(retryAt - start).toBeGreaterThanOrEqual(60_000);
    expect(sleeps).toEqual([]);
  });

  it('retries 5xx with backoff, and turns persistent ones into UPSTREAM_FAILED', async () => {
    const { sim, directory, sleeps } = connect(rt, { ...SITE, rateLimit: false }, { maxAttempts: 4 });
    sim.inject({ status: 503, times: 2, operation: 'getServiceDesks' });
    await expect(walkAll((c) => directory.serviceDeskCustomers(c))).resolves.toBeDefined();
    expect(sleeps).toEqual([250, 500]);
    sim.inject({ status: 500, times: 4 });
    await expect(directory.serviceDeskCustomers(null)).rejects.toMatchObject({ code: 'UPSTREAM_FAILED', details: { attempts: 4 } });
  });

  it('maps 401/403 to FORBIDDEN at once', async () => {
    const { sim, directory } = connect(rt, { ...SITE, rateLimit: false });
    sim.inject({ status: 403, times: 1 });
    await expect(directory.projectRoleMembers(null)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { status: 403 } });
    expect(sim.totalRequests()).toBe(1);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('ends equal to the site through a seeded storm (seed %i)', async (seed) => {
    const faults = { seed, burstRate: 0.04, burstLength: [1, 3] as const, serverErrorRate: 0.05 };
    const { sim, directory } = connect(rt, { ...SITE, seed, rateLimit: false, faults }, { maxAttempts: 8, pageSize: 40, maxCallsPerPage: 3 });
    const roles = await walkAll((c) => directory.projectRoleMembers(c));
    const customers = await walkAll((c) => directory.serviceDeskCustomers(c));
    expect(sortedJson(roles.items)).toEqual(sortedJson(expectedRoleMembers(sim.site)));
    expect(sortedJson(mergeCustomers(customers.items))).toEqual(sortedJson(expectedCustomers(sim.site)));
  });
});
