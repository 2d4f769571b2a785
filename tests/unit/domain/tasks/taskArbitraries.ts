/** fast-check generators of tasks, users and whitelists, shared by the plan's and the runner's property tests. */
import fc from 'fast-check';
import type { TaskAction, TaskDefinition, TaskRule } from '../../../../src/domain/model/task';
import type { User } from '../../../../src/domain/model/user';
import { access, aGroup, aUser, CONFLUENCE_SITE, daysAgo, JIRA_SITE, ref } from '../fixtures';
import { aTask } from './taskSupport';

const jira = { productKey: 'jira-software', resourceId: JIRA_SITE };
const confluence = { productKey: 'confluence', resourceId: CONFLUENCE_SITE };
export const groups = [aGroup(), aGroup({ idpSynced: true, modifiable: false, grants: [{ ...jira, role: 'user' }] }), aGroup({ grants: [{ ...confluence, role: 'user' }] })];
const names = ['ann', 'bob', 'cy', 'dee', 'eve'];
const domains = ['acme.com', 'example.org'];

const scope = fc.oneof(fc.constant('all' as const), fc.subarray(['jira-software', 'confluence'], { minLength: 1 }));
const days = fc.integer({ min: 3, max: 365 });
const ruleArb: fc.Arbitrary<TaskRule> = fc.oneof(
  fc.record({ kind: fc.constant('inactive' as const), minInactiveDays: days, products: scope }),
  fc.record({ kind: fc.constant('state' as const), state: fc.constantFrom('warning' as const, 'overdue' as const), products: scope }),
  fc.record({ kind: fc.constant('never-active' as const), addedMoreThanDays: days, products: scope }),
  fc.record({ kind: fc.constant('seat-cap' as const), product: fc.constant(jira), maxSeats: fc.nat({ max: 30 }) }),
);
const changeArb = fc.oneof(
  fc.constant({ type: 'deactivate' as const }),
  fc.subarray([jira, confluence], { minLength: 1 }).map((products) => ({ type: 'revoke' as const, products })),
);
const actionArb: fc.Arbitrary<TaskAction> = fc.oneof(changeArb, fc.constant({ type: 'notify' as const }), changeArb.map((change) => ({ type: 'propose' as const, change })));

export const taskArb: fc.Arbitrary<TaskDefinition> = fc
  .record({
    rule: ruleArb,
    action: actionArb,
    noticeDays: fc.constantFrom(0, 0, 1, 7, 30),
    safetyCap: fc.integer({ min: 1, max: 15 }),
    include: fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 4 }, { arbitrary: fc.subarray(groups.map((g) => g.id), { maxLength: 1 }), weight: 1 }),
    exclude: fc.subarray(groups.map((g) => g.id), { maxLength: 1 }),
    accountTypes: fc.constantFrom(['managed' as const], ['external' as const], ['managed' as const, 'external' as const]),
    billableOnly: fc.constantFrom(false, false, false, true),
  })
  .map(({ rule, action, include, exclude, accountTypes, billableOnly, ...rest }) =>
    aTask({
      ...rest,
      rule,
      // A seat cap revokes its product (validation refuses anything else).
      action: rule.kind === 'seat-cap' && action.type !== 'notify' ? { type: 'revoke', products: [jira] } : action,
      filter: { includeGroupIds: include, excludeGroupIds: exclude.filter((id) => !include.includes(id)), accountTypes: [...accountTypes], billableOnly },
    }),
  );

const when = fc.option(fc.integer({ min: 0, max: 800 }).map((d) => daysAgo(d)));
export const userArb: fc.Arbitrary<User> = fc
  .record({
    local: fc.constantFrom(...names),
    domain: fc.constantFrom(...domains),
    accountType: fc.constantFrom('atlassian', 'atlassian', 'atlassian', 'app'),
    accountStatus: fc.constantFrom('active', 'active', 'active', 'inactive'),
    membershipStatus: fc.constantFrom('active', 'active', 'active', 'suspended'),
    managed: fc.boolean(),
    managementSource: fc.constantFrom('invited', 'invited', 'synced', null),
    billable: fc.boolean(),
    activityKnown: fc.constantFrom(true, true, true, false),
    addedToOrgAt: when,
    products: fc.subarray([jira, confluence]),
    activity: fc.tuple(when, when),
    memberOf: fc.subarray(groups),
  })
  .map(({ local, domain, products, activity, memberOf, ...fields }) =>
    aUser({
      ...fields,
      email: `${local}@${domain}`,
      productAccess: products.map((p, i) => access(p.productKey, activity[i] ?? null, p.resourceId)),
      groups: memberOf.map(ref),
    }),
  );

export const protectedArb = fc.subarray([...names.map((n) => `${n}@acme.com`), '@example.org', 'e*@acme.com']);

