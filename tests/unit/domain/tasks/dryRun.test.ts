import { DomainError } from '../../../../src/domain/model/errors';
import { defaultSettings } from '../../../../src/domain/model/settings';
import type { Task } from '../../../../src/domain/model/task';
import type { TaskNotice } from '../../../../src/domain/model/taskRecords';
import type { User } from '../../../../src/domain/model/user';
import { dryRun, type DryRunDeps, type DryRunFilter } from '../../../../src/domain/usecases/tasks/dryRun';
import { FakeClock, FakeGroupRepository, FakeSettingsStore, Tables } from '../fakes';
import { access, aGroup, aUser, CONFLUENCE_SITE, daysAgo, NOW, ref } from '../fixtures';
import { AllUsersCandidates } from './run/taskFakes';
import { aTask } from './taskSupport';

const inactive = (days: number, overrides: Partial<User> = {}): User => aUser({ productAccess: [access('jira-software', daysAgo(days))], ...overrides });

const saved = (overrides: Partial<Task> = {}): Task => ({ ...aTask(), id: 'task-1', createdAt: NOW, updatedAt: NOW, createdBy: 'admin-1', deletedAt: null, ...overrides });

/** The synced copy as a dry run reads it: every user is a candidate (the plan decides), notices and tasks by id. */
const world = (users: User[], options: { tasks?: Task[]; notices?: TaskNotice[]; protectedEmails?: string[]; groups?: ReturnType<typeof aGroup>[] } = {}) => {
  const candidates = new AllUsersCandidates(() => users);
  const rules = candidates.rules;
  const deps: DryRunDeps = {
    candidates,
    notices: { forTask: (taskId) => Promise.resolve((options.notices ?? []).filter((n) => n.taskId === taskId)) },
    settings: new FakeSettingsStore({ ...defaultSettings(), protectedEmails: options.protectedEmails ?? [] }),
    groups: new FakeGroupRepository(new Tables(), options.groups ?? []),
    clock: new FakeClock(NOW),
    tasks: { get: (id) => Promise.resolve(options.tasks?.find((t) => t.id === id) ?? null) },
  };
  return { deps, rules };
};

const all: DryRunFilter = { decision: 'all', reason: null };
const request = (source: { taskId: string | null; definition: unknown }, filter = all, limit = 50, after: string | null = null) => ({ source, filter, limit, after });

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return 'resolved';
};

describe('dry run (T2)', () => {
  it('shows a saved task: who changes and how, who is skipped and why, with names and counts by reason', async () => {
    const idle = inactive(45, { name: 'Idle Ida' });
    const vip = inactive(60, { email: 'ceo@example.com' });
    const recent = inactive(5);
    const unknown = aUser({ activityKnown: false });
    const { deps, rules } = world([idle, vip, recent, unknown], { tasks: [saved()], protectedEmails: ['ceo@example.com'] });
    const view = await dryRun(request({ taskId: 'task-1', definition: null }), deps);
    expect(rules).toEqual([saved().rule]);
    expect(view.summary).toMatchObject({ total: 4, willChange: 1, skipped: 3, byMethod: { 'lifecycle-disable': 1 } });
    expect(view.summary.skippedByReason).toEqual({ protected: 1, 'not-inactive-enough': 1, 'unknown-activity': 1 });
    expect(view.items[0]).toEqual({
      accountId: idle.accountId, name: 'Idle Ida', email: idle.email, decision: 'will-change', methods: ['lifecycle-disable'], reason: null,
      state: 'active', inactiveDays: 45, seatRank: null, noticeUntil: null, noticeNow: false, groups: [],
    });
    expect(view.items.map((i) => i.reason)).toEqual([null, 'protected', 'not-inactive-enough', 'unknown-activity']);
    expect(view).toMatchObject({ matching: 4, next: null, evaluatedAt: NOW, safety: { status: 'within-cap', cap: 100 } });
  });

  it('filters by decision and by skip reason, and pages with a cursor', async () => {
    const users = [inactive(40), inactive(50), inactive(1), inactive(60), inactive(2)];
    const { deps } = world(users, { tasks: [saved()] });
    const source = { taskId: 'task-1', definition: null };
    const first = await dryRun(request(source, { decision: 'will-change', reason: null }, 2), deps);
    expect(first.items.map((i) => i.accountId)).toEqual([users[0]?.accountId, users[1]?.accountId]);
    expect(first).toMatchObject({ matching: 3, next: '2' });
    const second = await dryRun(request(source, { decision: 'will-change', reason: null }, 2, first.next), deps);
    expect(second.items.map((i) => i.accountId)).toEqual([users[3]?.accountId]);
    expect(second.next).toBeNull();
    const skipped = await dryRun(request(source, { decision: 'skip', reason: 'not-inactive-enough' }), deps);
    expect(skipped.items.map((i) => i.accountId)).toEqual([users[2]?.accountId, users[4]?.accountId]);
    const none = await dryRun(request(source, { decision: 'skip', reason: 'protected' }), deps);
    expect(none).toMatchObject({ matching: 0, items: [], next: null });
    expect(none.summary.total).toBe(5);
    expect(await codeOf(dryRun(request(source, all, 2, 'not-a-number'), deps))).toBe('VALIDATION_FAILED');
  });

  it('dry-runs the editor\'s unsaved definition, validated as a save would be, with the saved task\'s notices', async () => {
    const announced = inactive(45);
    // Announced a day ago under the 5-day notice the editor keeps: its run is 4 days away.
    const notices = [{ taskId: 'task-1', accountId: announced.accountId, announcedAt: daysAgo(1), plannedChangeAt: new Date(NOW.getTime() + 4 * 24 * 60 * 60 * 1000) }];
    const { deps } = world([announced], { tasks: [saved()], notices });
    const edited = { ...aTask(), noticeDays: 5 };
    const view = await dryRun(request({ taskId: 'task-1', definition: edited }), deps);
    expect(view.items[0]).toMatchObject({ decision: 'skip', reason: 'within-notice', noticeNow: false });
    expect(view.notices).toEqual({ announce: 0, clear: 0 });
    const fresh = await dryRun(request({ taskId: null, definition: edited }), deps);
    expect(fresh.items[0]).toMatchObject({ decision: 'skip', reason: 'within-notice', noticeNow: true });
    expect(fresh.notices).toEqual({ announce: 1, clear: 0 });
    const inSyncSlot = { ...aTask(), schedule: { days: 'daily', hour: 3 } };
    expect(await codeOf(dryRun(request({ taskId: null, definition: inSyncSlot }), deps))).toBe('VALIDATION_FAILED');
    expect(await codeOf(dryRun(request({ taskId: null, definition: { name: '' } }), deps))).toBe('VALIDATION_FAILED');
  });

  it('refuses a task that does not exist or was deleted, and a request naming nothing', async () => {
    const { deps } = world([], { tasks: [saved({ id: 'gone', deletedAt: NOW })] });
    expect(await codeOf(dryRun(request({ taskId: 'nope', definition: null }), deps))).toBe('NOT_FOUND');
    expect(await codeOf(dryRun(request({ taskId: 'gone', definition: null }), deps))).toBe('NOT_FOUND');
    expect(await codeOf(dryRun(request({ taskId: null, definition: null }), deps))).toBe('VALIDATION_FAILED');
  });

  it('over the safety cap: everyone who would change is over the cap, with the figures', async () => {
    const { deps } = world([inactive(40), inactive(50), inactive(60)], { tasks: [saved({ safetyCap: 2 })] });
    const view = await dryRun(request({ taskId: 'task-1', definition: null }), deps);
    expect(view.safety).toEqual({ status: 'over-cap', cap: 2, wouldChange: 3, wouldAnnounce: 0 });
    expect(view.summary.skippedByReason).toEqual({ 'over-cap': 3 });
    expect(view.notices).toEqual({ announce: 0, clear: 0 });
  });

  it('names the IdP-synced group behind a skipped revoke', async () => {
    const synced = aGroup({ name: 'okta-confluence', idpSynced: true, modifiable: false, grants: [{ productKey: 'confluence', resourceId: CONFLUENCE_SITE, role: 'user' }] });
    const viaIdp = aUser({ groups: [ref(synced)], productAccess: [access('confluence', daysAgo(90))] });
    const task = saved({ action: { type: 'revoke', products: [{ productKey: 'confluence', resourceId: CONFLUENCE_SITE }] } });
    const { deps } = world([viaIdp], { tasks: [task], groups: [synced] });
    const view = await dryRun(request({ taskId: 'task-1', definition: null }), deps);
    expect(view.items[0]).toMatchObject({ decision: 'skip', reason: 'idp-synced-group', groups: ['okta-confluence'] });
  });
});
