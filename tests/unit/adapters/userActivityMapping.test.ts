/**
 * When users/search activity counts as known (docs/decisions.md, "Activity from users/search"): a list with at
 * least one readable timestamp is the user's activity record, and its entries without one are products never used;
 * anything less leaves the user unknown for the per-user fallback — never inactive for want of data.
 */
import fc from 'fast-check';
import { toUser } from '../../../src/adapters/admin-api/mappers';
import type { DirectoryUser } from '../../../src/adapters/admin-api/schemas';

const JIRA = 'ari:cloud:jira::site/1';
const CONF = 'ari:cloud:confluence::site/1';
const user = (productAccess: DirectoryUser['productAccess']): DirectoryUser => ({ accountId: 'u-1', accountStatus: 'active', membershipStatus: 'active', productAccess });

describe('activity from the productAccess expand', () => {
  it('reads an entry without a timestamp next to a timestamped one as a product never used', () => {
    const u = toUser(user([{ key: 'jira', id: JIRA, lastActiveTimestamp: '2026-05-01T00:00:00Z' }, { key: 'confluence', id: CONF }]));
    expect(u.activityKnown).toBe(true);
    expect(u.productAccess.map((a) => [a.productKey, a.lastActiveAt?.toISOString() ?? null])).toEqual([
      ['jira', '2026-05-01T00:00:00.000Z'],
      ['confluence', null],
    ]);
  });

  it.each([
    ['the expand is absent', undefined],
    ['the list is empty', []],
    ['no entry has a timestamp', [{ key: 'jira', id: JIRA }, { key: 'confluence', id: CONF, lastActiveTimestamp: null }]],
    ['a timestamp cannot be read', [{ key: 'jira', id: JIRA, lastActiveTimestamp: '2026-05-01T00:00:00Z' }, { key: 'confluence', id: CONF, lastActiveTimestamp: 'soon' }]],
    ['an entry names no site', [{ key: 'jira', id: JIRA, lastActiveTimestamp: '2026-05-01T00:00:00Z' }, { key: 'confluence', lastActiveTimestamp: '2026-05-01T00:00:00Z' }]],
  ])('leaves activity unknown when %s', (_case, productAccess) => {
    expect(toUser(user(productAccess)).activityKnown).toBe(false);
  });

  it('never calls activity known without a readable timestamp in the list', () => {
    const entry = fc.record({
      key: fc.constantFrom('jira', 'confluence', undefined),
      id: fc.constantFrom(JIRA, CONF, undefined),
      lastActiveTimestamp: fc.constantFrom('2026-05-01T00:00:00Z', 'not a date', null, undefined),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), (entries) => {
        const list = entries.map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined))) as NonNullable<DirectoryUser['productAccess']>;
        const mapped = toUser(user(list));
        const readable = list.filter((e) => e.lastActiveTimestamp === '2026-05-01T00:00:00Z');
        const allWell = list.every((e) => e.key && e.id && (e.lastActiveTimestamp == null || e.lastActiveTimestamp === '2026-05-01T00:00:00Z'));
        expect(mapped.activityKnown).toBe(readable.length > 0 && allWell);
      }),
    );
  });
});

describe('reading Admin API dates', () => {
  it.each([
    ['2025-11-06T23:07:29.936941226Z', '2025-11-06T23:07:29.936Z'],
    ['2025-11-06T23:07:29Z', '2025-11-06T23:07:29.000Z'],
    ['2025-11-06T23:07:29+02:00', '2025-11-06T21:07:29.000Z'],
    ['2025-11-06', '2025-11-06T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    const u = toUser(user([{ key: 'jira', id: JIRA, lastActiveTimestamp: text }]));
    expect(u.productAccess[0]?.lastActiveAt?.toISOString()).toBe(iso);
    expect(u.activityKnown).toBe(true);
  });

  it.each(['0', '2024', '2024-02-30', '2025-11-06T23:07', '2025-11-06T25:00:00Z', 'yesterday', ' '])('refuses %j', (text) => {
    const u = toUser(user([{ key: 'jira', id: JIRA, lastActiveTimestamp: text }]));
    expect(u.productAccess[0]?.lastActiveAt ?? null).toBeNull();
    expect(u.activityKnown).toBe(false);
  });

  it('keeps one entry per product and site, the latest activity winning', () => {
    const u = toUser(user([
      { key: 'jira', id: JIRA },
      { key: 'jira', id: JIRA, lastActiveTimestamp: '2026-01-01T00:00:00Z' },
      { key: 'jira', id: JIRA, lastActiveTimestamp: '2025-01-01T00:00:00Z' },
    ]));
    expect(u.productAccess).toEqual([{ productKey: 'jira', resourceId: JIRA, lastActiveAt: new Date('2026-01-01T00:00:00Z') }]);
  });
});
