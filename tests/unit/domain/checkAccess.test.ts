import { DomainError } from '../../../src/domain/model/errors';
import { defaultSettings, type Settings } from '../../../src/domain/model/settings';
import { checkAccess, type AccessContext } from '../../../src/domain/usecases/checkAccess';
import type { JiraPermissions } from '../../../src/domain/ports/jiraPermissions';

const jira = (admins: string[]): JiraPermissions => ({ isJiraAdmin: (id) => Promise.resolve(admins.includes(id)) });

const context =
  (over: Partial<AccessContext> & { access?: Partial<Settings['access']> } = {}) =>
  (): Promise<AccessContext> => {
    const settings = defaultSettings();
    return Promise.resolve({
      apiKeyConfigured: over.apiKeyConfigured ?? true,
      platformRoles: over.platformRoles ?? null,
      settings: { ...settings, access: { ...settings.access, ...over.access } },
    });
  };

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'granted';
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
};

describe('checkAccess (ARCHITECTURE §4)', () => {
  it('refuses a caller who is not a Jira administrator, whatever their role', async () => {
    expect(await codeOf(checkAccess({ accountId: 'u1', area: 'app' }, jira([]), context({ platformRoles: ['atlassian/org-admin'] })))).toBe(
      'NOT_JIRA_ADMIN',
    );
  });

  it('refuses an anonymous call', async () => {
    expect(await codeOf(checkAccess({ accountId: null, area: 'settings' }, jira(['u1']), context()))).toBe('NOT_JIRA_ADMIN');
  });

  it('lets a Jira administrator reach only Settings before a key exists', async () => {
    const ctx = context({ apiKeyConfigured: false });
    await expect(checkAccess({ accountId: 'a', area: 'settings' }, jira(['a']), ctx)).resolves.toEqual({ level: 'bootstrap' });
    expect(await codeOf(checkAccess({ accountId: 'a', area: 'app' }, jira(['a']), ctx))).toBe('API_KEY_MISSING');
  });

  it('always admits organization admins once a key exists', async () => {
    const grant = await checkAccess({ accountId: 'a', area: 'app' }, jira(['a']), context({ platformRoles: ['atlassian/org-admin'] }));
    expect(grant).toEqual({ level: 'full', via: 'org-admin' });
  });

  it.each([
    ['product admins', ['atlassian/admin'], { allowProductAdmins: true }, 'product-admin'],
    ['user-access admins', ['atlassian/user-access-admin'], { allowUserAccessAdmins: true }, 'user-access-admin'],
  ] as const)('admits %s only when Settings enable them', async (_label, roles, enable, via) => {
    const off = context({ platformRoles: [...roles] });
    expect(await codeOf(checkAccess({ accountId: 'a', area: 'app' }, jira(['a']), off))).toBe('ROLE_NOT_ALLOWED');
    const on = context({ platformRoles: [...roles], access: enable });
    await expect(checkAccess({ accountId: 'a', area: 'app' }, jira(['a']), on)).resolves.toEqual({ level: 'full', via });
  });

  it('refuses a Jira administrator who is not in the synced directory', async () => {
    expect(await codeOf(checkAccess({ accountId: 'a', area: 'settings' }, jira(['a']), context({ platformRoles: null })))).toBe(
      'ROLE_NOT_ALLOWED',
    );
  });
});
