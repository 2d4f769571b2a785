import { useAppRig } from './support/harness';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { KvsSecretStore } from '../../../src/adapters/kvs/kvsSecretStore';
import { allResolverKeys, settingsAreaKeys, type ResolverKey } from '../../../src/contract';
import { aUser } from '../../unit/domain/fixtures';

const rig = useAppRig(5);

/** Callers: a stranger, and Jira administrators with each platform role (or none, or not in the directory). */
const STRANGER = 'stranger';
const ORG_ADMIN = 'matrix-org-admin';
const PRODUCT_ADMIN = 'matrix-product-admin';
const SITE_ADMIN = 'matrix-site-admin';
const USER_ACCESS_ADMIN = 'matrix-uaa';
const NO_ROLE = 'matrix-plain-user';
const NOT_SYNCED = 'matrix-not-in-directory';

/** A strict payload with an unknown field: an admitted caller gets VALIDATION_FAILED, nothing runs. */
const PROBE = { __probe: true };

const codeOf = async (accountId: string, key: ResolverKey): Promise<string> => {
  const result = (await rig.invoke(accountId, key, PROBE)) as { ok: boolean; error?: { code: string; messageKey: string } };
  expect(result.ok).toBe(false);
  expect(result.error?.messageKey).toBe(`errors.${result.error?.code ?? ''}`);
  return result.error?.code ?? 'none';
};

const ADMITTED = 'VALIDATION_FAILED';

beforeAll(() => {
  for (const id of [ORG_ADMIN, PRODUCT_ADMIN, SITE_ADMIN, USER_ACCESS_ADMIN, NO_ROLE, NOT_SYNCED]) rig.jiraAdmins.add(id);
});

describe('access matrix over every resolver of the contract (ARCHITECTURE §4, FEATURES P1)', () => {
  it('covers every contract key, and the handler defines each of them', async () => {
    expect(allResolverKeys.length).toBeGreaterThanOrEqual(22);
    for (const key of allResolverKeys) expect(await codeOf(STRANGER, key)).toBe('NOT_JIRA_ADMIN');
  });

  it.each(allResolverKeys)('before a key exists: %s admits a Jira admin only in the settings area', async (key) => {
    expect(await codeOf(STRANGER, key)).toBe('NOT_JIRA_ADMIN');
    expect(await codeOf(NOT_SYNCED, key)).toBe(settingsAreaKeys.includes(key) ? ADMITTED : 'API_KEY_MISSING');
  });

  describe('once a key exists', () => {
    beforeAll(async () => {
      await new KvsSecretStore().saveKey('matrix-key-1234', { orgId: 'org-m', orgName: 'Matrix', lastFour: '1234', expiresAt: null, expirySource: null });
      await ensureSchema();
      await new SqlUserRepository().upsertMany(
        [
          aUser({ accountId: ORG_ADMIN, platformRoles: ['atlassian/org-admin'] }),
          aUser({ accountId: PRODUCT_ADMIN, platformRoles: ['atlassian/admin'] }),
          aUser({ accountId: SITE_ADMIN, platformRoles: ['atlassian/site-admin'] }),
          aUser({ accountId: USER_ACCESS_ADMIN, platformRoles: ['atlassian/user-access-admin'] }),
          aUser({ accountId: NO_ROLE, platformRoles: [] }),
        ],
        1,
      );
    });

    it.each(allResolverKeys)('%s: org admins only, by default', async (key) => {
      expect(await codeOf(STRANGER, key)).toBe('NOT_JIRA_ADMIN');
      expect(await codeOf(ORG_ADMIN, key)).toBe(ADMITTED);
      for (const caller of [PRODUCT_ADMIN, SITE_ADMIN, USER_ACCESS_ADMIN, NO_ROLE, NOT_SYNCED]) {
        expect(await codeOf(caller, key)).toBe('ROLE_NOT_ALLOWED');
      }
    });

    it('product admins get in once Settings allow them, user-access admins still do not', async () => {
      await rig.ok(ORG_ADMIN, 'settings.save', { access: { allowProductAdmins: true } });
      for (const key of allResolverKeys) {
        expect(await codeOf(PRODUCT_ADMIN, key)).toBe(ADMITTED);
        expect(await codeOf(SITE_ADMIN, key)).toBe(ADMITTED);
        expect(await codeOf(USER_ACCESS_ADMIN, key)).toBe('ROLE_NOT_ALLOWED');
        expect(await codeOf(NO_ROLE, key)).toBe('ROLE_NOT_ALLOWED');
      }
    });

    it('user-access admins get in once Settings allow them too; a stranger never does', async () => {
      await rig.ok(ORG_ADMIN, 'settings.save', { access: { allowProductAdmins: false, allowUserAccessAdmins: true } });
      for (const key of allResolverKeys) {
        expect(await codeOf(USER_ACCESS_ADMIN, key)).toBe(ADMITTED);
        expect(await codeOf(PRODUCT_ADMIN, key)).toBe('ROLE_NOT_ALLOWED');
        expect(await codeOf(STRANGER, key)).toBe('NOT_JIRA_ADMIN');
      }
    });
  });
});
