import { access, CONFLUENCE_SITE, daysAgo, JIRA_SITE } from '../../fixtures';
import { addTask, jiraUser, runDeps, runNow } from './runSupport';

const jira = { productKey: 'jira-software', resourceId: JIRA_SITE };
const resultsOf = async (deps: ReturnType<typeof runDeps>, jobId: string | null) =>
  jobId === null ? [] : (await deps.jobs.results(jobId, 100, null)).items.map((i) => [i.accountId, i.outcome, i.reason]);

describe('a task run, rule by rule (T1, T3, T8)', () => {
  it('inactive ≥ N days in chosen products deactivates only those users', async () => {
    const deps = runDeps([jiraUser('old', 45), jiraUser('recent', 10), jiraUser('conf', 200, { productAccess: [access('confluence', daysAgo(200))] })]);
    addTask(deps, { rule: { kind: 'inactive', minInactiveDays: 30, products: ['jira-software'] } });
    const run = await runNow(deps);
    expect(deps.directory.calls).toEqual(['disable old']);
    expect(run.counts).toMatchObject({ matched: 1, changed: 1 });
  });

  it('a state rule takes users at least in that state', async () => {
    const deps = runDeps([jiraUser('warn', 100), jiraUser('over', 200), jiraUser('fresh', 5)]);
    addTask(deps, { rule: { kind: 'state', state: 'overdue', products: 'all' } });
    await runNow(deps);
    expect(deps.directory.calls).toEqual(['disable over']);
  });

  it('never active and added more than N days ago, never a newcomer', async () => {
    const deps = runDeps([
      jiraUser('never', 0, { productAccess: [access('jira-software', null)], addedToOrgAt: daysAgo(120) }),
      jiraUser('newbie', 0, { productAccess: [access('jira-software', null)], addedToOrgAt: daysAgo(2) }),
      jiraUser('used', 300),
    ]);
    addTask(deps, { rule: { kind: 'never-active', addedMoreThanDays: 30, products: 'all' } });
    await runNow(deps);
    expect(deps.directory.calls).toEqual(['disable never']);
  });

  it('a seat cap revokes the longest-inactive users first, down to the cap, and only the product', async () => {
    const deps = runDeps([jiraUser('a', 40), jiraUser('b', 400), jiraUser('c', 90), jiraUser('d', 1)]);
    addTask(deps, { rule: { kind: 'seat-cap', product: jira, maxSeats: 2 }, action: { type: 'revoke', products: [jira] } });
    const run = await runNow(deps);
    expect(deps.directory.calls).toEqual([`revoke b ${JIRA_SITE} atlassian/user`, `revoke c ${JIRA_SITE} atlassian/user`]);
    expect(deps.users.rows.get('b')?.productAccess).toEqual([]);
    expect(deps.users.rows.get('b')?.accountStatus).toBe('active');
    expect(await resultsOf(deps, run.jobId)).toEqual([
      ['b', 'succeeded', null],
      ['c', 'succeeded', null],
    ]);
  });

  it('a revoke of several products runs one job per product, one after the other, and counts each user once', async () => {
    const confluence = { productKey: 'confluence', resourceId: CONFLUENCE_SITE };
    const both = [access('jira-software', daysAgo(60)), access('confluence', daysAgo(60))];
    const deps = runDeps([jiraUser('both', 60, { productAccess: both }), jiraUser('conf', 60, { productAccess: [access('confluence', daysAgo(90))] })]);
    addTask(deps, { action: { type: 'revoke', products: [jira, confluence] } });
    const run = await runNow(deps);
    expect(deps.directory.calls).toEqual([`revoke both ${JIRA_SITE} atlassian/user`, `revoke both ${CONFLUENCE_SITE} atlassian/user`, `revoke conf ${CONFLUENCE_SITE} atlassian/user`]);
    expect(await resultsOf(deps, `${run.id}:p0`)).toEqual([['both', 'succeeded', null]]);
    expect(await resultsOf(deps, `${run.id}:p1`)).toEqual([
      ['both', 'succeeded', null],
      ['conf', 'succeeded', null],
    ]);
    expect(run).toMatchObject({ status: 'succeeded', jobId: `${run.id}:p0`, counts: { matched: 2, changed: 2 } });
    expect(deps.users.rows.get('both')?.productAccess).toEqual([]);
  });

  it('a user changed in one product and failed in the other counts as failed once and keeps their notice', async () => {
    const confluence = { productKey: 'confluence', resourceId: CONFLUENCE_SITE };
    const both = [access('jira-software', daysAgo(60)), access('confluence', daysAgo(60))];
    const deps = runDeps([jiraUser('both', 60, { productAccess: both })]);
    addTask(deps, { action: { type: 'revoke', products: [jira, confluence] }, noticeDays: 1 });
    await runNow(deps);
    deps.clock.advance(24 * 60 * 60 * 1000);
    const revoke = deps.directory.revokeProductRole;
    deps.directory.revokeProductRole = (org, id, resource, role) => (resource === CONFLUENCE_SITE ? Promise.reject(new Error('boom')) : revoke(org, id, resource, role));
    const run = await runNow(deps);
    expect(run).toMatchObject({ status: 'failed', counts: { matched: 1, changed: 0, failed: 1, skipped: 0 } });
    expect(deps.notices.rows.map((n) => n.accountId)).toEqual(['both']);
  });

  it('the filter narrows the rule: excluded groups, account types, billable only', async () => {
    const deps = runDeps([
      jiraUser('in', 60),
      jiraUser('grouped', 60, { groups: [{ id: 'keep', name: 'keep' }] }),
      jiraUser('external', 60, { managed: false }),
      jiraUser('free', 60, { billable: false }),
    ]);
    addTask(deps, { filter: { includeGroupIds: [], excludeGroupIds: ['keep'], accountTypes: ['managed'], billableOnly: true } });
    await runNow(deps);
    expect(deps.directory.calls).toEqual(['disable in']);
  });

  it('reads the users live before changing them (P5): active again, protected or gone since the sync, they are spared', async () => {
    const deps = runDeps([jiraUser('stale', 60), jiraUser('back', 60), jiraUser('left', 60), jiraUser('vip', 60)]);
    addTask(deps);
    const live = deps.directory.live;
    const back = live.get('back');
    if (back) back.productAccess = [access('jira-software', daysAgo(0))];
    live.delete('left');
    const vip = live.get('vip');
    if (vip) vip.email = 'boss@vip.test';
    const run = await runNow(deps);
    expect(deps.directory.calls).toEqual(['disable stale']);
    expect(await resultsOf(deps, run.jobId)).toEqual([
      ['back', 'skipped', 'not-inactive-enough'],
      ['left', 'skipped', 'left-org'],
      ['stale', 'succeeded', null],
      ['vip', 'skipped', 'protected'],
    ]);
    expect(deps.activity.calls).toBe(3);
    expect(run).toMatchObject({ status: 'succeeded', counts: { matched: 4, changed: 1, skipped: 3, failed: 0 } });
  });

  it('reads the next batch while changing this one, each user once', async () => {
    const deps = runDeps(['u1', 'u2', 'u3', 'u4', 'u5'].map((id) => jiraUser(id, 60)));
    deps.limits = { batchSize: 2 };
    addTask(deps);
    const run = await runNow(deps);
    expect(run.counts.changed).toBe(5);
    expect(deps.activity.log.map(([id]) => id).sort()).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    // u3 and u4 (the second batch) were read before the first batch's writes.
    expect(deps.activity.log.filter(([id]) => id === 'u3' || id === 'u4').map(([, writes]) => writes)).toEqual([0, 0]);
  });

  it('fails a run whose changes all failed, and reports it with task-failed', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps);
    deps.directory.failWith.set('u1', Object.assign(new Error('nope'), {}));
    const run = await runNow(deps);
    expect(run).toMatchObject({ status: 'failed', reason: 'INTERNAL', counts: { changed: 0, failed: 1 } });
    expect(deps.notifier.sent.map((e) => [e.trigger, 'run' in e ? e.run.failureCode : null])).toEqual([['task-failed', 'INTERNAL']]);
  });

  it('notify only announces each matching user once and changes nobody', async () => {
    const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 5)]);
    addTask(deps, { action: { type: 'notify' } });
    const first = await runNow(deps);
    const second = await runNow(deps);
    expect(deps.directory.calls).toEqual([]);
    expect(first).toMatchObject({ status: 'succeeded', jobId: null, counts: { announced: 1 } });
    expect(second.counts.announced).toBe(0);
    const notices = deps.notifier.sent.filter((e) => e.trigger === 'users-to-be-changed');
    expect(notices.map((e) => ('users' in e ? e.users.map((u) => u.accountId) : []))).toEqual([['u1']]);
  });
});
