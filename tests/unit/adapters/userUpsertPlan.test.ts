/**
 * The rows of one `upsertMany` part (userWrites.ts): each user's access and membership rows go in the order the
 * primary key sorts them (account id, then the product's or group's hash), whatever order the user lists them in.
 */
import type { User } from '../../../src/domain/model/user';
import { groupHash } from '../../../src/adapters/forge-sql/groups/groupHash';
import { productHash } from '../../../src/adapters/forge-sql/products/productHash';
import { userUpsertPlan } from '../../../src/adapters/forge-sql/users/userWrites';

const SITE = 'ari:cloud:platform::site/1';
const user: User = {
  accountId: 'acc-1', name: 'A', email: null, accountType: 'atlassian', accountStatus: 'active',
  membershipStatus: 'active', managed: false, managementSource: null, billable: true, addedToOrgAt: null,
  productAccess: ['jira-software', 'confluence', 'statuspage', 'loom', 'trello'].map((productKey) => ({ productKey, resourceId: SITE, lastActiveAt: null })),
  activityKnown: true, platformRoles: [],
  groups: ['g-1', 'g-2', 'g-3', 'g-4', 'g-5'].map((id) => ({ id, name: id })),
};

/** The second tuple value of every row of the statement: the hash, written into the text. */
const hashesIn = (query: string | undefined): number[] => [...(query?.matchAll(/\(\?,(\d+),/g) ?? [])].map((m) => Number(m[1]));

describe('userUpsertPlan', () => {
  it('writes each user’s rows in the order the primary key sorts them (hash order), not as listed', () => {
    const part = userUpsertPlan([user], 1, 1).part(0);
    const cases = [
      { written: hashesIn(part.members[0]?.query), listed: user.groups.map((g) => groupHash(g.id)) },
      { written: hashesIn(part.access[0]?.query), listed: user.productAccess.map((a) => productHash(a.productKey, a.resourceId)) },
    ];
    for (const { written, listed } of cases) {
      expect(written).toHaveLength(5);
      expect(written).toEqual([...listed].sort((a, b) => a - b));
      expect(written).not.toEqual(listed);
    }
  });
});
