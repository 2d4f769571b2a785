import { bridge, findAll, renderedText, type ForgeDoc } from '../support/fakeBridge';
import { calls, check, click, elementProps, fail, isDisabled, ok, pick, rawKeys, renderApp, tableRows, text, type, waitFor } from './helpers';
import { page, settings } from './fixtures';
import type { SettingsDto } from '../../src/contract';

const syncRun = (overrides: Record<string, unknown> = {}) => ({
  runId: 'run-1',
  trigger: 'manual',
  dataTypes: ['users'],
  groupIds: [],
  status: 'running',
  phase: 'users',
  startedAt: '2026-01-31T10:00:00.000Z',
  finishedAt: null,
  durationMs: 1000,
  processed: 500,
  estimatedTotal: 1000,
  steps: [{ phase: 'users', processed: 500, total: 1000 }],
  percent: 50,
  apiCalls: 5,
  errors: 0,
  failureReason: null,
  counts: {},
  ...overrides,
});

const handlers = (current: () => SettingsDto = () => settings(), overrides: Record<string, (payload: never) => unknown> = {}) => ({
  'settings.get': () => ok(current()),
  'sync.status': () => ok(null),
  'groups.search': () => ok(page([{ id: 'g-7', name: 'site-admins', userCount: 3, idpSynced: false, modifiable: true }])),
  'statistics.get': () => ok({ totalUsers: 1234, totalGroups: 56, groups: [] }),
  ...overrides,
});

const openSettings = async (h: Record<string, (payload: never) => unknown>): Promise<void> => {
  await renderApp(h, 'Settings');
  await waitFor(() => text().includes('Organization API key') && text().includes('Acme Corp'));
};

describe('Settings — API key (S1)', () => {
  it('shows the org, last four characters and expiry, never the key, and no webhooks (S7 not built)', async () => {
    await openSettings(handlers());
    expect(text()).toContain('Organization: Acme Corp');
    expect(text()).toContain('Key ending in x9Qz');
    expect(text()).toContain('Expires on Dec 31, 2026 (120 days left) (from Atlassian)');
    expect(text()).not.toContain('good-key');
    expect(findAll('Link').map((l) => l.props.href)).toContain('https://support.atlassian.com/organization-administration/docs/manage-an-organization-with-the-admin-apis/');
    expect(text().toLowerCase()).not.toContain('webhook');
    expect(rawKeys()).toEqual([]);
    expect(elementProps()).toEqual([]);
  });

  it('warns from 14 days before expiry and says so when the key was rejected', async () => {
    const expiring = settings({ apiKey: { ...settings().apiKey!, daysLeft: 9, expiryStatus: 'warning' } });
    await openSettings(handlers(() => expiring, { 'sync.status': () => ok(syncRun({ status: 'failed', failureReason: 'API_KEY_REJECTED' })) }));
    await waitFor(() => findAll('SectionMessage').some((m) => m.props.title === 'Atlassian refused the stored API key'));
    expect(findAll('SectionMessage').find((m) => m.props.title === 'The API key expires soon')!.props.appearance).toBe('warning');
    expect(text()).toContain('Only 9 days left.');
  });

  it('replaces the key: a rejected key shows why; a good one asks for the org, then saves', async () => {
    const saved = { ...settings().apiKey!, orgId: 'org-2', orgName: 'Beta Inc', lastFour: 'AbCd' };
    await openSettings(
      handlers(undefined, {
        'apiKey.check': (p: { key: string }) => (p.key === 'revoked-key-1' ? fail('API_KEY_REJECTED') : ok({ orgs: [{ id: 'org-1', name: 'Acme Corp' }, { id: 'org-2', name: 'Beta Inc' }] })),
        'apiKey.save': () => ok(saved),
      }),
    );
    click('Replace key');
    await waitFor(() => findAll('Textfield').some((f) => f.props.type === 'password'));
    type('api-key', 'revoked-key-1');
    click('Check key');
    await waitFor(() => text().includes('it has expired or was revoked'));
    type('api-key', 'good-key-12345');
    click('Check key');
    await waitFor(() => text().includes('Choose the organization'));
    expect(isDisabled('Save key')).toBe(true);
    pick('api-key-org', 'org-2');
    click('Save key');
    await waitFor(() => text().includes('Key ending in AbCd'));
    expect(calls('apiKey.save')[0]).toEqual({ key: 'good-key-12345', orgId: 'org-2' });
    expect(text()).toContain('Organization: Beta Inc');
    expect(calls('app.bootstrap')).toHaveLength(2);
  });

  it('removes the key after a confirmation and returns to the bootstrap state', async () => {
    await openSettings(handlers(undefined, { 'apiKey.remove': () => ok({ removed: true }) }));
    click('Remove key');
    await waitFor(() => findAll('Modal').length > 0);
    bridge.handlers.set('app.bootstrap', () => ok({ grant: { level: 'bootstrap' }, apiKeyConfigured: false }));
    const confirm = findAll('Button').filter((b) => b.children.some((c) => c.props.text === 'Remove key')).at(-1)!;
    (confirm.props.onClick as () => void)();
    await waitFor(() => text().includes('Connect your organization'));
    expect(findAll('Tabs')).toHaveLength(0);
  });
});

describe('Settings — thresholds, access, sync slot (S2–S4)', () => {
  it('refuses a warning period that is not below the overdue period, and saves a valid pair', async () => {
    await openSettings(handlers(undefined, { 'settings.save': () => ok(settings({ inactivity: { warningDays: 30, overdueDays: 60 } })) }));
    const options = (findAll('Select').find((s) => String(s.props.inputId).endsWith('threshold-warning'))!.props.options as { label: string }[]).map((o) => o.label);
    expect(options).toEqual(['3 days', '7 days', '14 days', '30 days', '60 days', '90 days', '120 days', '180 days']);
    pick('threshold-warning', '180');
    await waitFor(() => text().includes('The warning period must be shorter than the overdue period.'));
    pick('threshold-overdue', '60');
    pick('threshold-warning', '30');
    await waitFor(() => !text().includes('must be shorter'));
    click('Save');
    await waitFor(() => text().includes('Saved.'));
    expect(calls('settings.save')[0]).toEqual({ inactivity: { warningDays: 30, overdueDays: 60 } });
  });

  it('toggles access for product admins with the full-access warning', async () => {
    await openSettings(handlers(undefined, { 'settings.save': () => ok(settings({ access: { allowProductAdmins: true, allowUserAccessAdmins: false } })) }));
    expect(text()).toContain('Enabled roles get full access to every site, every action and all user data in this app.');
    const toggle = findAll('Toggle').find((t) => String(t.props.id).endsWith('access-allowProductAdmins'))!;
    (toggle.props.onChange as (e: unknown) => void)({ target: { checked: true } });
    await waitFor(() => findAll('Toggle').some((t) => String(t.props.id).endsWith('access-allowProductAdmins') && t.props.isChecked === true));
    expect(calls('settings.save')[0]).toEqual({ access: { allowProductAdmins: true } });
  });

  it('offers 24 hourly slots and shows the last and next sync', async () => {
    await openSettings(handlers(undefined, { 'settings.save': () => ok(settings({ sync: { ...settings().sync, hour: 4 } })) }));
    const slot = findAll('Select').find((s) => String(s.props.inputId).endsWith('sync-slot-hour'))!;
    expect((slot.props.options as unknown[]).length).toBe(24);
    expect(text()).toContain('Europe/Berlin');
    expect(text()).toContain('Last sync: Jan 31, 2026, 2:05 AM');
    expect(text()).toContain('Next sync: Feb 1, 2026, 2:00 AM');
    pick('sync-slot-hour', '4');
    const save = findAll('LoadingButton').filter((b) => b.children.some((c) => c.props.text === 'Save'))[1]!;
    (save.props.onClick as () => void)();
    await waitFor(() => calls('settings.save').length > 0);
    expect(calls('settings.save')[0]).toEqual({ sync: { hour: 4 } });
  });
});

describe('Settings — a bad value is refused and changes nothing (P4, S8)', () => {
  it('shows the translated reason for an invalid protected email and keeps the list as it was', async () => {
    await openSettings(
      handlers(undefined, {
        'settings.save': () =>
          fail('VALIDATION_FAILED', { issues: [{ path: 'protectedEmails.1', messageKey: 'validation.protectedEmail.multiple-at', message: 'two @' }] }),
      }),
    );
    expect(tableRows(findAll('DynamicTable')[0])).toEqual([['@example.org', 'Domain', '12 users', 'Remove']]);
    type('protected-email-entry', 'bad@@example.com');
    click('Add');
    await waitFor(() => text().includes('The entry may contain only one @.'));
    expect(text()).toContain('Some values are not valid. Nothing was changed.');
    expect(calls('settings.save')[0]).toEqual({ protectedEmails: ['@example.org', 'bad@@example.com'] });
    expect(tableRows(findAll('DynamicTable')[0])).toEqual([['@example.org', 'Domain', '12 users', 'Remove']]);
    expect(text()).not.toContain('Saved.');
  });
});

describe('Settings — manual sync and statistics (S5, S6)', () => {
  it('asks for groups when memberships are synced without All groups, then runs and follows progress', async () => {
    let run = syncRun();
    await openSettings(handlers(undefined, { 'sync.start': () => ok(run), 'sync.status': () => ok(run) }));
    check('Group memberships');
    await waitFor(() => findAll('Select').some((s) => String(s.props.inputId).endsWith('manual-sync-groups')));
    expect(isDisabled('Run sync')).toBe(true);
    check('All groups');
    await waitFor(() => text().includes('Group memberships: included via All groups'));
    click('Run sync');
    await waitFor(() => text().includes('Step: Users'));
    expect(calls('sync.start')[0]).toEqual({ dataTypes: ['users', 'last-active', 'group-memberships', 'groups'], groupIds: [] });
    expect(findAll('ProgressBar').at(-1)!.props.value).toBe(0.5);
    run = syncRun({ status: 'succeeded', phase: 'done', percent: 100, processed: 1000, finishedAt: '2026-01-31T10:05:00.000Z' });
    await waitFor(() => text().includes('1,000 of about 1,000 items processed'));
    expect(findAll('ProgressBar')).toHaveLength(0);
  });

  it('shows the step really running with its own count, and the lane beside it', async () => {
    const run = syncRun({
      phase: 'activity',
      percent: null,
      steps: [{ phase: 'activity', processed: 40, total: null }, { phase: 'project-users', processed: 1200, total: null }],
    });
    await openSettings(handlers(undefined, { 'sync.status': () => ok(run) }));
    await waitFor(() => text().includes('Step: Last-active dates'));
    expect(text()).toContain('40 read so far');
    expect(text()).toContain('Alongside: Project users, 1,200 read so far');
    expect(text()).not.toContain('of about 1,000');
    expect(findAll('ProgressBar').at(-1)!.props.isIndeterminate).toBe(true);
  });

  it('counts a group-memberships sync against its own estimate, and never says "Running" once it has ended', async () => {
    const startedAt = '2026-01-31T10:00:00.000Z';
    let run = syncRun({ dataTypes: ['group-memberships'], groupIds: ['g-7'], phase: 'memberships', processed: 120, estimatedTotal: 450, percent: 26, steps: [{ phase: 'memberships', processed: 120, total: 450 }] });
    const loaded = settings();
    const current = () => ({ ...loaded, sync: { ...loaded.sync, lastSync: { startedAt, finishedAt: null, status: 'running' as const } } });
    await openSettings(handlers(current, { 'sync.status': () => ok(run) }));
    await waitFor(() => text().includes('120 of about 450 read'));
    run = syncRun({ dataTypes: ['group-memberships'], groupIds: ['g-7'], status: 'succeeded', phase: 'done', processed: 430, estimatedTotal: 450, percent: 100, steps: [], finishedAt: '2026-01-31T10:01:00.000Z' });
    await waitFor(() => text().includes('430 of about 450 items processed'));
    const slot = findAll('Lozenge').map((l) => renderedText(l));
    expect(slot).not.toContain('Running');
    expect(slot.filter((l) => l === 'Succeeded')).toHaveLength(2);
  });

  it('shows statistics when switched on', async () => {
    let current = settings();
    await openSettings(
      handlers(() => current, {
        'settings.save': () => {
          current = settings({ statistics: { visible: true } });
          return ok(current);
        },
      }),
    );
    expect(text()).toContain('Hidden');
    const toggle = findAll('Toggle').find((t) => String(t.props.id).endsWith('statistics-visible'))!;
    (toggle.props.onChange as (e: unknown) => void)({ target: { checked: true } });
    await waitFor(() => text().includes('Total users: 1,234'));
    expect(text()).toContain('Total groups: 56');
  });
});

describe('Settings — seat prices (D4)', () => {
  const families: SettingsDto['productFamilies'] = [
    { family: 'jira', name: 'Jira (acme)', siteUrl: 'https://acme.atlassian.net' },
    { family: 'confluence', name: 'Confluence (Team space)', siteUrl: 'https://acme.atlassian.net' },
    { family: 'statuspage', name: null, siteUrl: null },
  ];
  /** The innermost row holding the price inputs and their Save button. */
  const seatRow = (): ForgeDoc =>
    findAll('Inline').filter((i) => findAll('Textfield', i).some((f) => String(f.props.id).endsWith('seat-price-jira')) && findAll('LoadingButton', i).length > 0).at(-1)!;
  const seatSave = (): ForgeDoc => findAll('LoadingButton', seatRow())[0]!;

  it('names each family without the site its name repeats, refuses a negative price and saves the valid ones', async () => {
    const saved = settings({ productFamilies: families, seatPrices: { jira: 12.5, confluence: 4 } });
    await openSettings(handlers(() => settings({ productFamilies: families, seatPrices: {} }), { 'settings.save': () => ok(saved) }));
    const labels = findAll('Label', seatRow()).map((l) => renderedText(l));
    expect(labels).toEqual(['Jira', 'Confluence (Team space)', 'statuspage']);
    type('seat-price-jira', '-3');
    await waitFor(() => text().includes('Enter a price of 0 or more.'));
    expect(seatSave().props.isDisabled).toBe(true);
    type('seat-price-jira', '12,5');
    type('seat-price-confluence', '4');
    await waitFor(() => seatSave().props.isDisabled === false && !text().includes('Enter a price of 0 or more.'));
    (seatSave().props.onClick as () => void)();
    await waitFor(() => calls('settings.save').length > 0);
    expect(calls('settings.save')[0]).toEqual({ seatPrices: { jira: 12.5, confluence: 4 } });
  });

  it('chooses the currency of the prices and saves it with them (D4)', async () => {
    await openSettings(handlers(() => settings({ productFamilies: families, seatPrices: { jira: 15 } }), { 'settings.save': () => ok(settings()) }));
    const currency = findAll('Select').find((s) => String(s.props.inputId).endsWith('seat-currency'))!;
    expect(currency.props.value).toEqual({ value: 'USD', label: 'USD — US Dollar' });
    expect((currency.props.options as { value: string }[]).map((o) => o.value)).toEqual(expect.arrayContaining(['EUR', 'GBP', 'JPY']));
    pick('seat-currency', 'EUR');
    await waitFor(() => seatSave().props.isDisabled === false);
    (seatSave().props.onClick as () => void)();
    await waitFor(() => calls('settings.save').length > 0);
    expect(calls('settings.save')[0]).toEqual({ seatPrices: { jira: 15 }, seatCurrency: 'EUR' });
  });
});
