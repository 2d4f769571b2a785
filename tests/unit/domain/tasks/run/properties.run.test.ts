import fc from 'fast-check';
import { defaultSettings } from '../../../../../src/domain/model/settings';
import { classifyUser } from '../../../../../src/domain/policy/inactivityPolicy';
import { ProtectedEmails } from '../../../../../src/domain/policy/protectedEmails';
import { FakeGroupRepository, Tables } from '../../fakes';
import { groups, protectedArb, taskArb, userArb } from '../taskArbitraries';
import { decideProposal } from '../../../../../src/domain/usecases/tasks/run/decideProposal';
import { addTask, admin, drain, runDeps, runNow } from './runSupport';

const LIVE_PROTECTED = 'boss@vip.test';

describe('property: a run (or an approved proposal) never changes a protected, unknown-activity or new user, nor more users than its cap', () => {
  it('holds through runs over random tasks, users, whitelists and live changes of address', async () => {
    const seen = { changed: 0, failedRuns: 0, approved: 0 };
    await fc.assert(
      fc.asyncProperty(taskArb, fc.array(userArb, { minLength: 5, maxLength: 25 }), protectedArb, fc.array(fc.boolean()), fc.boolean(), async (generated, users, whitelist, renamed, tight) => {
        // A tight cap half of the time, so that runs over it are common.
        const task = tight ? { ...generated, safetyCap: 1 } : generated;
        const deps = runDeps(users);
        deps.groups = new FakeGroupRepository(new Tables(), groups);
        deps.settings.settings = { ...defaultSettings(), protectedEmails: [...whitelist, LIVE_PROTECTED] };
        // Some users' live address became a protected one since the sync: the executor must see it.
        users.forEach((u, i) => {
          const live = deps.directory.live.get(u.accountId);
          if (renamed[i] === true && live) live.email = LIVE_PROTECTED;
        });
        addTask(deps, task);
        const run = await runNow(deps);
        // A review task's proposal is approved: the approval's run must hold to the same rules.
        for (const proposal of await deps.proposals.list('pending', 10)) {
          await decideProposal({ proposalId: proposal.id, decision: 'approve' }, admin, deps);
          await drain(deps);
          seen.approved += 1;
        }
        const protectedEmails = ProtectedEmails.from(whitelist);
        const changed = new Set(deps.directory.calls.map((c) => c.split(' ').find((part) => users.some((u) => u.accountId === part)) ?? c));
        for (const u of users.filter((x) => changed.has(x.accountId))) {
          expect(protectedEmails.isProtected(u.email)).toBe(false);
          expect(deps.directory.live.get(u.accountId)?.email).not.toBe(LIVE_PROTECTED);
          expect(u.activityKnown).toBe(true);
          expect(classifyUser(u, defaultSettings().inactivity, deps.clock.now())).not.toBe('new');
        }
        expect(changed.size).toBeLessThanOrEqual(task.safetyCap);
        seen.changed += changed.size;
        seen.failedRuns += run.reason === 'safety-cap-exceeded' ? 1 : 0;
      }),
      // Changes, failed runs and approvals each happen in a few percent of the cases: enough cases that each is seen.
      { numRuns: 600 },
    );
    expect(seen.changed).toBeGreaterThan(0);
    expect(seen.failedRuns).toBeGreaterThan(0);
    expect(seen.approved).toBeGreaterThan(0);
  }, 120_000);
});
