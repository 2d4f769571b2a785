import fc from 'fast-check';
import { thresholdDayChoices } from '../../../src/domain/model/settings';
import type { User } from '../../../src/domain/model/user';
import { planAction, type BulkAction, type InactivityRequirement } from '../../../src/domain/policy/actionEligibility';
import {
  classifyProduct,
  classifyUser,
  inactiveDays,
  isInactive,
  isInactiveForAtLeast,
  type InactivityState,
} from '../../../src/domain/policy/inactivityPolicy';
import { ProtectedEmails } from '../../../src/domain/policy/protectedEmails';
import { access, aGroup, aUser, groupsById, JIRA_SITE, ref } from './fixtures';

const products = ['jira-software', 'confluence', 'jira-servicedesk'] as const;
const DAY = 24 * 60 * 60 * 1000;
const date = fc.date({
  min: new Date('2015-01-01T00:00:00Z'),
  max: new Date('2030-01-01T00:00:00Z'),
  noInvalidDate: true,
});

const thresholdsArb = fc
  .uniqueArray(fc.constantFrom(...thresholdDayChoices), { minLength: 2, maxLength: 2 })
  .map(([a = 3, b = 7]) => ({ warningDays: Math.min(a, b), overdueDays: Math.max(a, b) }));

const userArb: fc.Arbitrary<User> = fc
  .record({
    accountType: fc.constantFrom('atlassian', 'customer', 'app'),
    accountStatus: fc.constantFrom('active', 'inactive', 'closed'),
    membershipStatus: fc.constantFrom('active', 'suspended', 'no_membership'),
    managed: fc.boolean(),
    activityKnown: fc.boolean(),
    addedToOrgAt: fc.option(date),
    productAccess: fc.array(
      fc.record({ key: fc.constantFrom(...products), at: fc.option(date) }).map(({ key, at }) => access(key, at)),
      { maxLength: 4 },
    ),
  })
  .map((fields) => aUser(fields));

const actionArb: fc.Arbitrary<BulkAction> = fc.oneof(
  fc.constant<BulkAction>({ type: 'deactivate' }),
  fc.constant<BulkAction>({ type: 'reactivate' }),
  fc.constant<BulkAction>({ type: 'revoke-product', productKey: 'jira-software', resourceId: JIRA_SITE }),
  fc.constant<BulkAction>({ type: 'assign-product', productKey: 'confluence', resourceId: JIRA_SITE }),
);

const requirementArb: fc.Arbitrary<InactivityRequirement> = fc.record({
  minInactiveDays: fc.oneof(fc.nat({ max: 400 }), fc.constantFrom('warning' as const, 'overdue' as const)),
  productKeys: fc.oneof(fc.constant('all' as const), fc.subarray([...products], { minLength: 1 })),
});

describe('property (a): a protected user is never eligible for any action', () => {
  const word = (alphabet: string, max: number) =>
    fc.array(fc.constantFrom(...Array.from(alphabet)), { minLength: 1, maxLength: max }).map((c) => c.join(''));
  const fullwidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const variant = fc
    .record({
      upper: fc.boolean(),
      wide: fc.boolean(),
      nfd: fc.boolean(),
      pad: fc.constantFrom('', ' ', '\t', '\u3000', '\u00a0 '),
    })
    .map((v) => (s: string) => {
      const cased = v.upper ? s.toUpperCase() : s.toLowerCase();
      const formed = v.nfd ? cased.normalize('NFD') : cased;
      return `${v.pad}${v.wide ? fullwidth(formed) : formed}${v.pad}`;
    });

  it('holds whatever the case, width, Unicode form or padding on either side', () => {
    const entryKind = fc.constantFrom('exact', 'domain', 'star-domain', 'prefix', 'suffix');
    fc.assert(
      fc.property(
        word('abcxyz019_-+ßéüİ', 12),
        fc.array(word('abcxyz019ßéü', 8), { minLength: 2, maxLength: 3 }),
        entryKind,
        fc.nat({ max: 11 }),
        variant,
        variant,
        fc.array(userArb, { minLength: 1, maxLength: 3 }),
        actionArb,
        fc.option(requirementArb, { nil: undefined }),
        (local, labels, kind, cut, entryForm, emailForm, users, action, requirement) => {
          const domain = labels.join('.');
          const k = Math.min(cut, local.length);
          const entry = {
            exact: `${local}@${domain}`,
            domain: `@${domain}`,
            'star-domain': `*@${domain}`,
            prefix: `${local.slice(0, k)}*@${domain}`,
            suffix: `*${local.slice(k)}@${domain}`,
          }[kind];
          const email = emailForm(`${local}@${domain}`);
          const list = ProtectedEmails.from(['someone@else.example', entryForm(entry)]);
          expect(list.isProtected(email)).toBe(true);

          const grant = aGroup({ grants: [{ productKey: 'jira-software', resourceId: JIRA_SITE, role: 'user' }] });
          const protectedUsers = users.map((u) => ({ ...u, email, groups: [ref(grant)] }));
          const plan = planAction(action, protectedUsers, {
            protectedEmails: list,
            groupsById: groupsById(grant),
            thresholds: { warningDays: 3, overdueDays: 7 },
            now: new Date('2031-01-01T00:00:00Z'),
            requireInactivity: requirement,
          });
          expect(plan.summary.willChange).toBe(0);
          expect(plan.items.every((i) => i.decision === 'skip' && i.reason === 'protected')).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('property (b): classification is monotone in time', () => {
  const severity: Record<InactivityState, number> = {
    active: 0,
    warning: 1,
    overdue: 2,
    'never-active': -1,
    new: -3,
    unknown: -2,
  };
  const notLessSevere = (before: InactivityState | null, after: InactivityState | null): boolean => {
    if (before === null || after === null) return before === after;
    if (before === 'new') return after === 'new' || after === 'never-active';
    if (severity[before] < 0) return after === before;
    return severity[after] >= severity[before];
  };

  it('moving now forward never makes a state less severe; new may only become never-active; never-active and unknown stay put', () => {
    fc.assert(
      fc.property(userArb, thresholdsArb, date, fc.nat(2000), fc.nat(DAY), (user, t, now, days, ms) => {
        const later = new Date(now.getTime() + days * DAY + ms);
        expect(notLessSevere(classifyUser(user, t, now), classifyUser(user, t, later))).toBe(true);
        for (const key of products) {
          expect(notLessSevere(classifyProduct(user, key, t, now), classifyProduct(user, key, t, later))).toBe(true);
        }
        const before = inactiveDays(user, now);
        const after = inactiveDays(user, later);
        expect(before === null ? after === null : after !== null && after >= before).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('property (c): unknown is never inactive and never eligible under an inactivity requirement', () => {
  it('holds for every action, requirement, threshold and time', () => {
    fc.assert(
      fc.property(userArb, thresholdsArb, date, actionArb, requirementArb, fc.nat(1000), (u, t, now, action, req, n) => {
        const user = { ...u, activityKnown: false };
        expect(classifyUser(user, t, now)).toBe('unknown');
        expect(isInactive(classifyUser(user, t, now))).toBe(false);
        expect(inactiveDays(user, now, req.productKeys)).toBeNull();
        expect(isInactiveForAtLeast(user, n, now, req.productKeys)).toBe(false);
        const context = { protectedEmails: ProtectedEmails.none(), groupsById: new Map(), thresholds: t, now };
        const [item] = planAction(action, [user], { ...context, requireInactivity: req }).items;
        expect(item?.decision).toBe('skip');
        expect(item?.decision === 'skip' && item.reason === 'not-inactive-enough').toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
