import { responses, useAppRig } from './support/harness';
import { adminWithSeededOrg } from './support/seed';
import type { AuditPageDto, CallerDto, CallersCreateDto, CallersListDto } from '../../../src/contract';
import type { User } from '../../../src/domain/model/user';

const rig = useAppRig(40);
let admin = '';
let users: User[] = [];
let url = '';
const logged: string[] = [];

/** Calls the web trigger through the local runtime, as Automation's "Send web request" would. */
const post = async (token: string | null, body: unknown, method = 'POST'): Promise<{ status: number; json: Record<string, unknown> }> => {
  const headers: Record<string, string[]> = { 'content-type': ['application/json'] };
  if (token !== null) headers.authorization = [`Bearer ${token}`];
  const answer = await rig.rt.runtime.webTriggers.call({ method, url: new URL(url).pathname, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  responses.push(answer);
  return { status: answer.status, json: answer.body === '' ? {} : (JSON.parse(answer.body) as Record<string, unknown>) };
};

const create = async (name: string, actions: string[]): Promise<CallersCreateDto> =>
  (await rig.ok(admin, 'callers.create', { name, actions })) as CallersCreateDto;

const person = (u: User): boolean =>
  u.accountStatus === 'active' && u.membershipStatus === 'active' && u.platformRoles.length === 0 && u.email !== null && u.managed && u.managementSource === 'invited';

beforeAll(async () => {
  ({ admin, users } = await adminWithSeededOrg(rig));
  for (const method of ['log', 'error', 'warn'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')); });
  }
}, 60_000);

afterAll(() => { jest.restoreAllMocks(); });

describe('callers of the web trigger (S10)', () => {
  let offboarding: CallersCreateDto;
  let statusOnly: CallersCreateDto;

  it('creates callers in Settings: the token once, the list without it, the URL from webTrigger.getUrl', async () => {
    offboarding = await create('Okta offboarding', ['job-status', 'deactivate']);
    statusOnly = await create('Status board', ['job-status']);
    expect(offboarding.token).toMatch(/^ulo\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(offboarding.caller).toMatchObject({ name: 'Okta offboarding', actions: ['deactivate', 'job-status'], createdBy: admin, lastUsedAt: null, revokedAt: null });
    const list = (await rig.ok(admin, 'callers.list')) as CallersListDto;
    url = list.url ?? '';
    expect(url).toMatch(/^http:\/\/forge-runtime\.local\/x1\/[0-9a-f-]{36}$/);
    expect(list.header).toBe('Authorization');
    expect(list.items.map((c) => c.name)).toEqual(['Status board', 'Okta offboarding']);
    expect(JSON.stringify(list)).not.toContain(offboarding.token);
    expect(JSON.stringify(list)).not.toMatch(/[0-9a-f]{64}/);
    expect(((await rig.ok(admin, 'callers.list')) as CallersListDto).url).toBe(url);
  });

  it('answers 401 with no detail to a missing, malformed, wrong or another caller\'s forged token', async () => {
    const secret = offboarding.token.split('.')[2] ?? '';
    const forged = `ulo.${statusOnly.caller.id}.${secret}`;
    for (const token of [null, 'nonsense', `${offboarding.token}x`, forged]) {
      const answer = await post(token, { action: 'deactivate', users: [users[1]?.accountId] });
      expect(answer).toEqual({ status: 401, json: { code: 'UNAUTHORIZED' } });
    }
    expect((await post(offboarding.token, {}, 'GET')).status).toBe(405);
  });

  it('answers 400 with a stable code to a bad body, and 403 to an action the caller may not request', async () => {
    const bad = await post(offboarding.token, { action: 'deactivate', users: Array.from({ length: 101 }, (_, i) => `id-${String(i)}`) });
    expect(bad).toMatchObject({ status: 400, json: { code: 'INVALID_BODY', issues: [{ path: 'users' }] } });
    expect(await post(offboarding.token, 'not json')).toMatchObject({ status: 400, json: { code: 'INVALID_BODY' } });
    expect(await post(offboarding.token, { action: 'delete-everyone', users: ['x'] })).toMatchObject({ status: 400, json: { code: 'INVALID_BODY' } });
    expect(await post(offboarding.token, { action: 'deactivate', users: ['nobody@nowhere.example'] })).toMatchObject({ status: 400, json: { code: 'NO_KNOWN_USERS' } });
    expect(await post(offboarding.token, { action: 'reactivate', users: [users[1]?.accountId] })).toEqual({ status: 403, json: { code: 'ACTION_NOT_ALLOWED' } });
    expect(await post(statusOnly.token, { action: 'deactivate', users: [users[1]?.accountId] })).toEqual({ status: 403, json: { code: 'ACTION_NOT_ALLOWED' } });
  });

  it('deactivates named users like a bulk action: protected ones skipped, audited with the caller as actor', async () => {
    const [byId, byEmail, guarded] = users.filter(person);
    if (byId === undefined || byEmail === undefined || guarded === undefined) throw new Error('not enough people in the seeded org');
    await rig.ok(admin, 'settings.save', { protectedEmails: [guarded.email] });
    const started = await post(offboarding.token, {
      action: 'deactivate',
      users: [byId.accountId, ` ${(byEmail.email ?? '').toUpperCase()} `, guarded.accountId, 'left@nowhere.example'],
    });
    expect(started).toMatchObject({ status: 202, json: { status: 'queued', action: { type: 'deactivate' }, total: 3, notFound: ['left@nowhere.example'] } });
    const jobId = String(started.json.jobId);

    await rig.rt.runtime.queue.drain();

    expect(rig.sim.state.user(byId.accountId)?.accountStatus).toBe('inactive');
    expect(rig.sim.state.user(byEmail.accountId)?.accountStatus).toBe('inactive');
    expect(rig.sim.state.user(guarded.accountId)?.accountStatus).toBe('active');

    const status = await post(offboarding.token, { action: 'job-status', jobId });
    expect(status).toMatchObject({ status: 200, json: { jobId, status: 'succeeded', total: 3, succeeded: 2, skipped: 1, failed: 0 } });
    expect(status.json.results).toEqual(expect.arrayContaining([
      { accountId: guarded.accountId, email: guarded.email, outcome: 'skipped', reason: 'protected' },
      { accountId: byId.accountId, email: byId.email, outcome: 'succeeded', reason: null },
    ]));

    const audit = (await rig.ok(admin, 'audit.list', { jobId, limit: 10 })) as AuditPageDto;
    expect(audit.items).toHaveLength(3);
    for (const entry of audit.items) {
      expect(entry.actor).toEqual({ kind: 'caller', callerId: offboarding.caller.id, name: 'Okta offboarding' });
    }
    const guardedEntry = audit.items.find((e) => e.targetAccountId === guarded.accountId);
    expect(guardedEntry).toMatchObject({ action: 'user.deactivate', outcome: 'skipped', reason: 'protected' });
    const detail = (await rig.ok(admin, 'users.detail', { accountId: byId.accountId })) as { audit: AuditPageDto };
    expect(detail.audit.items[0]?.actor).toEqual({ kind: 'caller', callerId: offboarding.caller.id, name: 'Okta offboarding' });
    const byActor = (await rig.ok(admin, 'audit.list', { actorId: offboarding.caller.id, limit: 10 })) as AuditPageDto;
    expect(byActor.items.map((e) => e.jobId)).toEqual([jobId, jobId, jobId]);

    const jobs = (await rig.ok(admin, 'jobs.list', { limit: 5 })) as { items: { jobId?: string; startedByCaller?: unknown; createdByName: string | null }[] };
    expect(jobs.items.find((j) => j.jobId === jobId)).toMatchObject({ startedByCaller: { id: offboarding.caller.id, name: 'Okta offboarding' }, createdByName: null });

    // Only the caller that started a job is told its status.
    expect(await post(statusOnly.token, { action: 'job-status', jobId })).toEqual({ status: 404, json: { code: 'JOB_NOT_FOUND' } });
    const listed = ((await rig.ok(admin, 'callers.list')) as CallersListDto).items.find((c) => c.id === offboarding.caller.id);
    expect(listed?.lastUsedAt).not.toBeNull();
  });

  it('answers 429 once a caller has made its requests for the minute', async () => {
    // The window is the wall clock's minute: a run that straddles a minute boundary is repeated once.
    for (let attempt = 0; attempt < 2; attempt++) {
      const minute = Math.floor(Date.now() / 60_000);
      const busy = await create(`Runaway script ${String(attempt)}`, ['job-status']);
      const answers: number[] = [];
      for (let i = 0; i < 31; i++) answers.push((await post(busy.token, { action: 'job-status', jobId: 'none' })).status);
      if (Math.floor(Date.now() / 60_000) !== minute) continue;
      expect(answers.slice(0, 30).every((s) => s === 404)).toBe(true);
      expect(answers[30]).toBe(429);
      const limited = await rig.rt.runtime.webTriggers.call({
        method: 'POST', url: new URL(url).pathname, headers: { authorization: [`Bearer ${busy.token}`] }, body: '{"action":"job-status","jobId":"none"}',
      });
      expect(limited.status).toBe(429);
      expect(JSON.parse(limited.body)).toEqual({ code: 'RATE_LIMITED' });
      expect(Number(limited.headers['retry-after']?.[0])).toBeGreaterThan(0);
      return;
    }
    throw new Error('two runs straddled a minute boundary');
  });

  it('a revoked caller is refused at once; creating and revoking are audited with the caller named', async () => {
    expect(await rig.ok(admin, 'callers.revoke', { callerId: offboarding.caller.id })).toEqual({ revoked: true });
    expect(await post(offboarding.token, { action: 'job-status', jobId: 'x' })).toEqual({ status: 401, json: { code: 'UNAUTHORIZED' } });
    const list = (await rig.ok(admin, 'callers.list')) as CallersListDto;
    expect(list.items.find((c: CallerDto) => c.id === offboarding.caller.id)?.revokedAt).not.toBeNull();
    const audit = (await rig.ok(admin, 'audit.list', { actions: ['caller.create', 'caller.revoke'], limit: 20 })) as AuditPageDto;
    expect(audit.items.map((e) => e.action)).toContain('caller.revoke');
    expect(audit.items.find((e) => e.action === 'caller.revoke')?.summary).toMatchObject({ key: 'auditDetails.caller.revoked', params: { name: { kind: 'text', value: 'Okta offboarding' } } });
  });

  it('never puts a token or its hash in a response, a log line or an audit entry', async () => {
    const tokens = [offboarding.token, statusOnly.token];
    const everything = JSON.stringify([responses, logged, (await rig.ok(admin, 'audit.list', { limit: 200 })) as AuditPageDto]);
    const withoutCreation = everything.split(offboarding.token).length - 1;
    expect(withoutCreation).toBe(1); // the one-time creation answer
    expect(everything.split(statusOnly.token).length - 1).toBe(1);
    expect(everything).not.toMatch(/"[0-9a-f]{64}"/);
    expect(logged.some((line) => tokens.some((t) => line.includes(t.split('.')[2] ?? '')))).toBe(false);
    expect(logged.some((line) => line.startsWith('callers-webtrigger: 401 UNAUTHORIZED'))).toBe(true);
  });
});
