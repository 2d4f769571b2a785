import { DomainError } from '../../../../src/domain/model/errors';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { dbState, directoryState, drain } from './driver';
import { makeWorld, populate, type World } from './world';

const SYSTEM = { kind: 'system' } as const;
const sizes = { users: 1_200, hidden: 0.15, roleMembers: 640, customers: 380, seed: 5 };
/** 7 pages of role members and 4 of customers at 100 per page. */
const SITE_PAGES = 11;

const run = async (w: World, dataTypes?: Parameters<typeof startSync>[0]['dataTypes']) => {
  const trigger = dataTypes === undefined ? 'schedule' : 'manual';
  const id = (await startSync({ trigger, actor: SYSTEM, ...(dataTypes ? { dataTypes } : {}) }, w.startDeps)).id;
  await drain(w);
  const done = await w.runs.get(id);
  if (done === null) throw new Error('run not found');
  return done;
};

describe('project users and customers in the main stream while the activity stream reads', () => {
  it('reads the Jira site while the fallback is still running, each page once', async () => {
    const w = makeWorld({ pagesPerSlice: 50, fallbackCallsPerSlice: 500, fallbackBatch: 10 });
    populate(w, sizes);
    const fallbackCallsAtSitePages: number[] = [];
    w.site.fault = () => fallbackCallsAtSitePages.push(w.directory.calls.lastActiveDates);
    const done = await run(w);
    expect(done.status).toBe('succeeded');
    expect(w.site.calls).toBe(SITE_PAGES);
    expect(Math.max(...fallbackCallsAtSitePages)).toBeLessThan(w.directory.calls.lastActiveDates);
    expect(done.activity?.pass).toBe('done');
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('walks the whole site when the fallback ends first', async () => {
    const w = makeWorld({ pagesPerSlice: 20, fallbackCallsPerSlice: 500, fallbackBatch: 200 });
    populate(w, { ...sizes, hidden: 0.01, roleMembers: 3_000 });
    const done = await run(w);
    expect(done.status).toBe('succeeded');
    expect(w.site.calls).toBe(30 + 4);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('retries the site step after a Jira failure, the fallback going on', async () => {
    const w = makeWorld({ pagesPerSlice: 50, fallbackCallsPerSlice: 500, fallbackBatch: 5 });
    populate(w, sizes);
    let failures = 1;
    w.site.fault = (call) => {
      if (call === 'roles' && w.site.calls === 3 && failures-- > 0) throw new DomainError('UPSTREAM_FAILED', 'Jira is down');
    };
    const done = await run(w);
    expect(done.status).toBe('succeeded');
    expect(done.checkpoint.counts.retries).toBe(1);
    expect(w.site.calls).toBe(SITE_PAGES + 1);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('waits out a rate-limited fallback, the site steps going on', async () => {
    // Without the early pass, so that the 20th fallback call falls in the final pass.
    const w = makeWorld({ pagesPerSlice: 50, fallbackCallsPerSlice: 500, fallbackBatch: 5, earlyActivity: false });
    populate(w, sizes);
    w.directory.fault = (call, n) => {
      if (call === 'lastActiveDates' && n === 20) throw new DomainError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 60 });
    };
    const done = await run(w);
    expect(done.status).toBe('succeeded');
    expect(done.checkpoint.counts.rateLimited).toBe(1);
    expect(w.site.calls).toBe(SITE_PAGES);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('converges when the consumer is killed in either stream', async () => {
    const w = makeWorld({ pagesPerSlice: 6, fallbackCallsPerSlice: 40, fallbackBatch: 7, earlyActivity: false });
    populate(w, sizes);
    await startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps);
    let delivery = 0;
    const { kills } = await drain(w, { killAt: () => (delivery++ % 3 === 0 ? 1 + (delivery % 17) : null) });
    expect(kills).toBeGreaterThan(3);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('runs only the fallback when no site data type is picked', async () => {
    const w = makeWorld({ fallbackBatch: 10 });
    populate(w, sizes);
    const done = await run(w, ['last-active']);
    expect(done.status).toBe('succeeded');
    expect(w.site.calls).toBe(0);
    expect(done.checkpoint.counts.activityFilled).toBe(w.directory.hiddenActivity.size);
  });
});
