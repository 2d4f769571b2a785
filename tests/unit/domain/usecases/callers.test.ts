import { MAX_CALLERS } from '../../../../src/domain/model/caller';
import { DomainError } from '../../../../src/domain/model/errors';
import type { Product } from '../../../../src/domain/model/product';
import { listAudit } from '../../../../src/domain/usecases/audit/listAudit';
import { runBulkSlice } from '../../../../src/domain/usecases/bulk/runBulkSlice';
import { listJobs } from '../../../../src/domain/usecases/jobs/listJobs';
import { UnauthenticatedCaller } from '../../../../src/domain/usecases/callers/authenticateCaller';
import { handleCallerRequest, type CallerRequestDeps } from '../../../../src/domain/usecases/callers/handleCallerRequest';
import { createCaller, listCallers, revokeCaller } from '../../../../src/domain/usecases/callers/manageCallers';
import { FakeCallerRepository, FakeCallerTokens, FakeProductRepository, FakeRequestCounter } from '../fakes';
import { JIRA_SITE } from '../fixtures';
import { runDeps } from '../tasks/run/runSupport';
import { admin, bulkDeps, plenty, type TestDeps } from './bulkSupport';

const OTHER_JIRA = 'ari:cloud:jira::site/00000000-0000-0000-0000-000000000002';
const product = (key: string, resourceId: string): Product => ({ key, resourceId, name: key, siteUrl: null, seatCapacity: null });

type Deps = TestDeps & CallerRequestDeps & { callers: FakeCallerRepository; tokens: FakeCallerTokens };

const callerDeps = (): Deps => {
  const base = bulkDeps();
  return {
    ...base,
    callers: new FakeCallerRepository(),
    tokens: new FakeCallerTokens(),
    counter: new FakeRequestCounter(),
    lookup: base.users,
    automatedTasks: runDeps([]),
    products: new FakeProductRepository(undefined, [product('jira-software', JIRA_SITE), product('confluence', 'c-1'), product('confluence', 'c-2')]),
  };
};

const refusal = async (promise: Promise<unknown>): Promise<unknown> => promise.then(() => 'no refusal', (error: unknown) => error);

describe('callers of the web trigger (S10)', () => {
  it('keeps only the token\'s hash, shows the token once, and audits creation and revocation', async () => {
    const deps = callerDeps();
    const { caller, token } = await createCaller({ name: ' Okta offboarding ', actions: ['job-status', 'deactivate'] }, admin, deps);
    expect(caller).toMatchObject({ name: 'Okta offboarding', actions: ['deactivate', 'job-status'], createdBy: 'me', lastUsedAt: null, revokedAt: null });
    const stored = deps.callers.callers.get(caller.id);
    expect(stored?.tokenHash).toBe(deps.tokens.hash(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(await listCallers(deps))).not.toContain(stored?.tokenHash);
    await revokeCaller(caller.id, admin, deps);
    expect(deps.audit.list.map((e) => [e.action, e.actor, e.details.callerName])).toEqual([
      ['caller.create', admin, 'Okta offboarding'],
      ['caller.revoke', admin, 'Okta offboarding'],
    ]);
    expect(JSON.stringify(deps.audit.list)).not.toContain(token);
  });

  it('refuses a missing, malformed, unknown, forged or revoked token the same way', async () => {
    const deps = callerDeps();
    const a = await createCaller({ name: 'A', actions: ['job-status'] }, admin, deps);
    const b = await createCaller({ name: 'B', actions: ['job-status'] }, admin, deps);
    const forged = a.token.replace(a.caller.id, b.caller.id);
    for (const token of [null, '', 'Bearer x', `${a.token}1`, forged]) {
      expect(await refusal(handleCallerRequest(token, { action: 'job-status', jobId: 'j' }, deps))).toBeInstanceOf(UnauthenticatedCaller);
    }
    await revokeCaller(a.caller.id, admin, deps);
    expect(await refusal(handleCallerRequest(a.token, { action: 'job-status', jobId: 'j' }, deps))).toBeInstanceOf(UnauthenticatedCaller);
    expect(deps.callers.used.has(a.caller.id)).toBe(false);
  });

  it('refuses an action the caller may not request, after checking the body', async () => {
    const deps = callerDeps();
    const { token } = await createCaller({ name: 'Status only', actions: ['job-status'] }, admin, deps);
    expect(await refusal(handleCallerRequest(token, { action: 'deactivate', users: ['u-managed'] }, deps))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(handleCallerRequest(token, { action: 'deactivate', users: [] }, deps))).toMatchObject({ name: 'ZodError' });
    expect(await deps.jobs.recent(10)).toEqual([]);
  });

  it('allows 30 requests per caller and minute, then RATE_LIMITED until the next minute', async () => {
    const deps = callerDeps();
    const { token } = await createCaller({ name: 'Busy', actions: ['job-status'] }, admin, deps);
    const ask = (): Promise<unknown> => refusal(handleCallerRequest(token, { action: 'job-status', jobId: 'none' }, deps));
    for (let i = 0; i < 30; i++) expect(await ask()).toMatchObject({ code: 'NOT_FOUND' });
    const limited = await ask();
    expect(limited).toBeInstanceOf(DomainError);
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60 } });
    deps.clock.advance(60_000);
    expect(await ask()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('starts a bulk job over users named by ID or email; protected users are skipped and the caller is the actor', async () => {
    const deps = callerDeps();
    const { caller, token } = await createCaller({ name: 'Offboarding', actions: ['deactivate', 'job-status'] }, admin, deps);
    const managed = await deps.users.get('u-managed');
    const answer = await handleCallerRequest(token, { action: 'deactivate', users: [(managed?.email ?? '').toUpperCase(), 'u-vip', 'gone', 'u-vip'] }, deps);
    if (answer.kind !== 'started') throw new Error('expected a started job');
    expect(answer.notFound).toEqual(['gone']);
    expect(answer.job).toMatchObject({ total: 2, createdBy: null, status: 'queued' });
    await runBulkSlice({ kind: 'bulk-action', jobId: answer.job.jobId, slice: 0 }, plenty, deps);
    const outcomes = deps.audit.list.filter((e) => e.jobId === answer.job.jobId).map((e) => [e.targetAccountId, e.outcome, e.reason, e.actor]);
    const actor = { kind: 'caller', callerId: caller.id };
    expect(outcomes).toEqual(expect.arrayContaining([['u-managed', 'succeeded', null, actor], ['u-vip', 'skipped', 'protected', actor]]));
    expect(deps.directory.live.get('u-vip')?.accountStatus).toBe('active');

    const status = await handleCallerRequest(token, { action: 'job-status', jobId: answer.job.jobId }, deps);
    expect(status).toMatchObject({ kind: 'status', job: { status: 'succeeded', succeeded: 1, skipped: 1 } });
    const other = await createCaller({ name: 'Other', actions: ['job-status'] }, admin, deps);
    expect(await refusal(handleCallerRequest(other.token, { action: 'job-status', jobId: answer.job.jobId }, deps))).toMatchObject({ code: 'NOT_FOUND' });
    expect(deps.callers.used.get(caller.id)).toEqual(deps.clock.now());
  });

  it('finds the product\'s site, and refuses an unknown product, one on several sites, and a request naming nobody known', async () => {
    const deps = callerDeps();
    const { token } = await createCaller({ name: 'Licences', actions: ['revoke-product', 'assign-product'] }, admin, deps);
    const started = await handleCallerRequest(token, { action: 'revoke-product', productKey: 'jira-software', users: ['u-direct'] }, deps);
    expect(started).toMatchObject({ kind: 'started', job: { action: { type: 'revoke-product', productKey: 'jira-software', resourceId: JIRA_SITE } } });
    const ruleOf = async (body: unknown): Promise<unknown> => ((await refusal(handleCallerRequest(token, body, deps))) as DomainError).details?.rule;
    expect(await ruleOf({ action: 'assign-product', productKey: 'jira-software', resourceId: OTHER_JIRA, users: ['u-direct'] })).toBe('unknown-product');
    expect(await ruleOf({ action: 'assign-product', productKey: 'confluence', users: ['u-direct'] })).toBe('product-on-several-sites');
    expect(await ruleOf({ action: 'assign-product', productKey: 'confluence', resourceId: 'c-2', users: ['nobody@nowhere.test'] })).toBe('no-known-users');
  });

  it('keeps at most MAX_CALLERS callers; revoking is idempotent and an unknown caller is NOT_FOUND', async () => {
    const deps = callerDeps();
    for (let i = 0; i < MAX_CALLERS; i++) await createCaller({ name: `C${String(i)}`, actions: ['job-status'] }, admin, deps);
    expect(await refusal(createCaller({ name: 'One more', actions: ['job-status'] }, admin, deps))).toMatchObject({ code: 'VALIDATION_FAILED' });
    const [first] = await deps.callers.list();
    await revokeCaller(first?.id ?? '', admin, deps);
    await revokeCaller(first?.id ?? '', admin, deps);
    expect(deps.audit.list.filter((e) => e.action === 'caller.revoke')).toHaveLength(1);
    expect(await refusal(revokeCaller('none-such', admin, deps))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('creates callers one at a time: creations at once never pass MAX_CALLERS', async () => {
    const deps = callerDeps();
    for (let i = 0; i < MAX_CALLERS - 1; i++) await createCaller({ name: `C${String(i)}`, actions: ['job-status'] }, admin, deps);
    const racing = await Promise.allSettled([1, 2, 3].map((n) => createCaller({ name: `Race ${String(n)}`, actions: ['job-status'] }, admin, deps)));
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await deps.callers.list()).toHaveLength(MAX_CALLERS);
  });

  it('names the caller in the audit log and the Jobs view (and says so when it cannot)', async () => {
    const deps = callerDeps();
    const { caller, token } = await createCaller({ name: 'Offboarding', actions: ['deactivate'] }, admin, deps);
    const answer = await handleCallerRequest(token, { action: 'deactivate', users: ['u-managed'] }, deps);
    if (answer.kind !== 'started') throw new Error(`expected a started job, got ${answer.kind}`);
    await runBulkSlice({ kind: 'bulk-action', jobId: answer.job.jobId, slice: 0 }, plenty, deps);
    const products = new FakeProductRepository();
    const named = await listAudit({ limit: 10, after: null }, { ...deps, products });
    expect(named.items.find((e) => e.jobId === answer.job.jobId)?.actor).toEqual({ kind: 'caller', callerId: caller.id, name: 'Offboarding' });
    const unnamed = await listAudit({ limit: 10, after: null }, { audit: deps.audit, users: deps.users, products });
    expect(unnamed.items.find((e) => e.jobId === answer.job.jobId)?.actor).toEqual({ kind: 'caller', callerId: caller.id, name: null });
    const runs = { history: () => Promise.resolve([]) };
    const jobs = await listJobs(5, { ...deps, runs });
    expect(jobs[0]).toMatchObject({ jobId: answer.job.jobId, createdByName: null, startedByCaller: { id: caller.id, name: 'Offboarding' } });
    const { callers: _callers, ...withoutCallers } = deps;
    expect((await listJobs(5, { ...withoutCallers, runs }))[0]).toMatchObject({ startedByCaller: { id: caller.id, name: null } });
  });
});
