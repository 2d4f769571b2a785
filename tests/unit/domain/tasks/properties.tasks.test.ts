import fc from 'fast-check';
import type { TaskNotice } from '../../../../src/domain/model/taskRecords';
import type { User } from '../../../../src/domain/model/user';
import { classifyUser } from '../../../../src/domain/policy/inactivityPolicy';
import { ProtectedEmails } from '../../../../src/domain/policy/protectedEmails';
import { planTask } from '../../../../src/domain/usecases/tasks/planTask';
import { daysAgo, groupsById, NOW } from '../fixtures';
import { groups, protectedArb, taskArb, userArb } from './taskArbitraries';
import { aContext } from './taskSupport';

describe('property: a task never changes a protected, unknown-activity or new user, nor more than its cap', () => {
  it('holds over random tasks, users, whitelists and notices', () => {
    const seen = { changes: 0, announced: 0, overCap: 0, protectedMatched: 0 };
    fc.assert(
      fc.property(taskArb, fc.array(userArb, { minLength: 10, maxLength: 40 }), protectedArb, fc.array(fc.nat({ max: 40 })), (task, users, whitelist, noticeAges) => {
        const protectedEmails = ProtectedEmails.from(whitelist);
        const context = aContext({ protectedEmails, groupsById: groupsById(...groups) });
        const notices: TaskNotice[] = users.flatMap((u, i) => {
          const age = noticeAges[i];
          return age === undefined ? [] : [{ taskId: 't', accountId: u.accountId, announcedAt: daysAgo(age), plannedChangeAt: null }];
        });
        const result = planTask(task, users, notices, context);
        const byId = new Map(users.map((u) => [u.accountId, u]));
        const touched = [
          ...result.items.flatMap((i) => (i.decision === 'will-change' ? [i.accountId] : [])),
          ...result.notices.announce.map((a) => a.accountId),
        ];
        for (const id of touched) {
          const user = byId.get(id) as User;
          expect(protectedEmails.isProtected(user.email)).toBe(false);
          expect(user.activityKnown).toBe(true);
          expect(classifyUser(user, context.thresholds, NOW)).not.toBe('new');
        }
        expect(result.summary.willChange).toBeLessThanOrEqual(task.safetyCap);
        expect(result.notices.announce.length).toBeLessThanOrEqual(task.safetyCap);
        if (result.safety.status === 'over-cap') {
          expect(result.summary.willChange).toBe(0);
          expect(result.notices).toEqual({ announce: [], clear: [] });
        }
        expect(result.summary.total).toBe(byId.size);
        seen.changes += result.summary.willChange;
        seen.announced += result.notices.announce.length;
        seen.overCap += result.safety.status === 'over-cap' ? 1 : 0;
        seen.protectedMatched += result.summary.skippedByReason.protected ?? 0;
      }),
      { numRuns: 500 },
    );
    // The generators reach every case the property speaks of.
    expect(Object.values(seen).every((n) => n > 0)).toBe(true);
  });
});
