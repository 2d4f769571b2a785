import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyUser, defaultSettings, planBulk, type GroupRepository, type PlanDeps, type User, type UserRepository } from '../../../src/domain';

/**
 * The domain used the way docs/architecture.md ("Using the domain as a library") shows: only through
 * src/domain/index.ts, with in-memory ports. The lines between the markers are the document's example, so a
 * change that breaks the example breaks this test.
 */
describe('the domain as a library', () => {
  it('classifies inactivity and plans a bulk deactivation through src/domain/index.ts', async () => {
    // example: start
    const now = new Date('2025-06-15T12:00:00Z');
    const person = (accountId: string, email: string, managed: boolean): User => ({
      accountId, name: email, email, accountType: 'atlassian', accountStatus: 'active', membershipStatus: 'active',
      managed, managementSource: 'invited', billable: true, addedToOrgAt: new Date('2024-01-01T00:00:00Z'),
      productAccess: [{ productKey: 'jira-software', resourceId: 'ari:cloud:jira::site/1', lastActiveAt: new Date('2024-11-01T00:00:00Z') }],
      activityKnown: true, groups: [], platformRoles: [],
    });
    const ana = person('acc-ana', 'ana@example.com', true);
    const ben = person('acc-ben', 'ben@example.com', true);
    const cy = person('acc-cy', 'cy@partner.test', false); // an account the org does not manage
    const synced = [ana, ben, cy];
    const settings = { ...defaultSettings(), protectedEmails: ['ana@example.com'] };

    // A policy is a plain function of its inputs.
    const state = classifyUser(ben, settings.inactivity, now); // 'overdue': 226 days, thresholds 90 / 180

    // A use case takes its ports. Planning a deactivation of chosen accounts reads only users.getMany,
    // settings.load and clock.now; the other methods are never called.
    const notNeeded = (): Promise<never> => Promise.reject(new Error('not needed to plan a deactivation'));
    const users: UserRepository = {
      getMany: (ids) => Promise.resolve(synced.filter((u) => ids.includes(u.accountId))),
      get: notNeeded, list: notNeeded, countMatching: notNeeded, upsertMany: notNeeded,
      markLeftBefore: notNeeded, withUnknownActivity: notNeeded, count: notNeeded,
    };
    const groups: GroupRepository = {
      get: notNeeded, getMany: notNeeded, list: notNeeded, upsertMany: notNeeded, deleteNotSeenSince: notNeeded,
      deleteMembershipsNotSeenSince: notNeeded, upsertMemberships: notNeeded, memberCounts: notNeeded, count: notNeeded,
    };
    const deps: PlanDeps = { users, groups, jobs: { results: notNeeded, get: notNeeded }, settings: { load: () => Promise.resolve(settings), save: notNeeded }, clock: { now: () => now } };
    const plan = await planBulk(
      { action: { type: 'deactivate' }, selection: { kind: 'accounts', accountIds: synced.map((u) => u.accountId) }, itemsLimit: 100 },
      deps,
    );
    // plan.items: ana skipped ('protected'), ben 'lifecycle-disable', cy 'directory-suspend' (not managed)
    // example: end

    expect(state).toBe('overdue');
    expect(plan.summary).toEqual({
      total: 3,
      willChange: 2,
      skipped: 1,
      byMethod: { 'lifecycle-disable': 1, 'directory-suspend': 1 },
      skippedByReason: { protected: 1 },
    });
    expect(plan.items.map((i) => [i.accountId, i.decision, i.method ?? i.reason])).toEqual([
      ['acc-ana', 'skip', 'protected'],
      ['acc-ben', 'will-change', 'lifecycle-disable'],
      ['acc-cy', 'will-change', 'directory-suspend'],
    ]);
  });

  it('is the example docs/architecture.md shows', () => {
    const root = join(__dirname, '../../..');
    const test = readFileSync(__filename, 'utf8');
    const importLine = /^import \{[^}]*\} from '\.\.\/\.\.\/\.\.\/src\/domain';$/m.exec(test)?.[0];
    const region = /\/\/ example: start\n([\s\S]*?)\n\s*\/\/ example: end/.exec(test)?.[1];
    expect(importLine).toBeDefined();
    expect(region).toBeDefined();
    const body = (region ?? '').split('\n').map((line) => line.replace(/^ {4}/, '')).join('\n');
    const expected = `${(importLine ?? '').replace("'../../../src/domain'", "'../src/domain'")}\n\n${body}`;

    const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Using the domain as a library'));
    const block = /```ts\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(block).toBe(expected);
  });
});
