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
  'webhooks.get': () => ok({ targets: [], maxTargetsPerTrigger: 3 }),
  'webhooks.deliveries': () => ok({ items: [], next: null }),
  ...overrides,
});

/** Pastes text into the protected-email box (a TextArea: UI Kit sends a serialised event). */
const paste = (value: string): void => {
  const area = findAll('TextArea').find((a) => String(a.props.id).endsWith('protected-email-entry'));
  if (!area) throw new Error('No protected-email box');
  (area.props.onChange as (e: unknown) => void)({ target: { value } });
};

const openSettings = async (h: Record<string, (payload: never) => unknown>): Promise<void> => {
  await renderApp(h, 'Settings');
  await waitFor(() => text().includes('Organization API key') && text().includes('Acme Corp'));
};

describe('Settings — API key (S1)', () => {
  it('shows the org, last four characters and expiry, never the key, and the Automation webhooks section (S7)', async () => {
    await openSettings(handlers());
    expect(text()).toContain('Organization: Acme Corp');
    expect(text()).toContain('Key ending in x9Qz');
    expect(text()).toContain('Expires on Dec 31, 2026 (120 days left) (from Atlassian)');
    expect(text()).not.toContain('good-key');
    expect(findAll('Link').map((l) => l.props.href)).toContain('https://support.atlassian.com/organization-administration/docs/manage-an-organization-with-the-admin-apis/');
    await waitFor(() => text().includes('Automation webhooks') && text().includes('Nothing delivered yet.'));
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
    await waitFor(() => text().includes('Atlassian rejected the organization API key. Check that you copied the whole key'));
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

  it('tells a key with scopes from a refused key, and a stored key that expired from one that was revoked', async () => {
    const scoped = (p: { key: string }) => (p.key === 'scoped-key-1' ? fail('API_KEY_FORBIDDEN') : fail('API_KEY_REJECTED'));
    const failedOn = (reason: string) => ({ 'apiKey.check': scoped, 'sync.status': () => ok(syncRun({ status: 'failed', failureReason: reason })) });
    await openSettings(handlers(undefined, failedOn('API_KEY_EXPIRED')));
    await waitFor(() => text().includes('The organization API key has expired. Create a new key in admin.atlassian.com and replace it here.'));
    expect(text()).not.toContain('was revoked');
    click('Replace key');
    await waitFor(() => findAll('Textfield').some((f) => f.props.type === 'password'));
    type('api-key', 'scoped-key-1');
    click('Check key');
    await waitFor(() => text().includes('it is a key with scopes. Create a key without scopes'));
    expect(rawKeys()).toEqual([]);
    await openSettings(handlers(undefined, failedOn('API_KEY_REVOKED')));
    await waitFor(() => text().includes('although it has not reached its expiry date: it was revoked'));
    expect(text()).not.toContain('has expired');
  });

  it('shows an example expiry in the viewer’s date format, in the near future', async () => {
    await openSettings(handlers(undefined, { 'apiKey.check': () => ok({ orgs: [{ id: 'org-1', name: 'Acme Corp' }] }) }));
    click('Replace key');
    await waitFor(() => findAll('Textfield').some((f) => f.props.type === 'password'));
    type('api-key', 'good-key-12345');
    click('Check key');
    await waitFor(() => findAll('DatePicker').length > 0);
    const placeholder = String(findAll('DatePicker')[0]!.props.placeholder);
    const match = /^e\.g\. (\d{1,2})\/28\/(\d{4})$/.exec(placeholder);
    expect(match).not.toBeNull();
    const example = Date.UTC(Number(match![2]), Number(match![1]) - 1, 28);
    expect(example).toBeGreaterThan(Date.now());
    expect(example - Date.now()).toBeLessThan(62 * 86_400_000);
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
    expect(text()).toContain('Last sync: Jan 31, 2026, 02:05 AM (Europe/Berlin)');
    expect(text()).toContain('Next sync: Feb 1, 2026, 02:00 AM – 03:00 AM (Europe/Berlin)');
    pick('sync-slot-hour', '4');
    const save = findAll('LoadingButton').filter((b) => b.children.some((c) => c.props.text === 'Save'))[1]!;
    (save.props.onClick as () => void)();
    await waitFor(() => calls('settings.save').length > 0);
    expect(calls('settings.save')[0]).toEqual({ sync: { hour: 4 } });
  });
});

describe('Settings — the sync slot and the next sync agree (S4)', () => {
  const utc = (sync: Partial<SettingsDto['sync']>) =>
    settings({ sync: { hour: 3, timeZone: 'UTC', nextSyncAt: '2026-02-01T03:00:00.000Z', nextSyncCatchUp: false, lastSync: null, ...sync } });
  const slotLabel = (): string =>
    (findAll('Select').find((s) => String(s.props.inputId).endsWith('sync-slot-hour'))!.props.options as { value: string; label: string }[]).find((o) => o.value === '3')!.label;

  it('shows the next sync in the site’s zone and clock, as the slot reads, for a viewer in another zone', async () => {
    await openSettings(handlers(() => utc({})));
    expect(slotLabel()).toBe('03:00 AM – 04:00 AM');
    expect(text()).toContain('Next sync: Feb 1, 2026, 03:00 AM – 04:00 AM (UTC)');
    expect(text()).not.toContain('Feb 1, 2026, 4:00 AM');
  });

  it('says a missed slot still runs within the hour, and that nothing runs without a key', async () => {
    await openSettings(handlers(() => utc({ nextSyncAt: '2026-01-31T03:00:00.000Z', nextSyncCatchUp: true })));
    expect(text()).toContain('Next sync: within the hour. The 03:00 AM – 04:00 AM slot of Jan 31, 2026 (UTC) has not run yet.');
    await renderApp(handlers(() => ({ ...utc({ nextSyncAt: null }), apiKey: null })), 'Settings');
    await waitFor(() => text().includes('The daily sync starts once an organization API key is saved.'));
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
    paste('bad@@example.com');
    click('Add');
    await waitFor(() => text().includes('bad@@example.com: The entry may contain only one @.'));
    expect(text()).toContain('No entry was added.');
    expect(calls('settings.save')).toEqual([{ protectedEmails: ['@example.org', 'bad@@example.com'] }]);
    expect(tableRows(findAll('DynamicTable')[0])).toEqual([['@example.org', 'Domain', '12 users', 'Remove']]);
    expect(text()).not.toContain('Saved.');
  });

  it('adds several pasted entries at once: the valid ones are saved, the refused ones listed with their reason and kept', async () => {
    let current = settings();
    const saveList = (p: { protectedEmails: string[] }) => {
      const issues = p.protectedEmails.flatMap((entry, i) =>
        entry.includes('@@') ? [{ path: `protectedEmails.${i}`, messageKey: 'validation.protectedEmail.multiple-at', message: 'two @' }]
        : p.protectedEmails.indexOf(entry) < i ? [{ path: `protectedEmails.${i}`, messageKey: 'validation.protectedEmail.duplicate', message: 'dup' }] : [],
      );
      if (issues.length > 0) return fail('VALIDATION_FAILED', { issues });
      current = settings({ protectedEmails: p.protectedEmails.map((entry) => ({ entry, kind: entry.startsWith('@') ? 'domain' : 'exact', protectedUsers: 1 })) });
      return ok(current);
    };
    await openSettings(handlers(() => current, { 'settings.save': saveList }));
    paste(' new@example.com, bad@@example.com\n@corp.test;\n\n@example.org ');
    click('Add');
    await waitFor(() => text().includes('2 entries added.'));
    expect(calls('settings.save')).toEqual([
      { protectedEmails: ['@example.org', 'new@example.com', 'bad@@example.com', '@corp.test', '@example.org'] },
      { protectedEmails: ['@example.org', 'new@example.com', '@corp.test'] },
    ]);
    expect(text()).toContain('2 entries were not added; they are still in the box to correct:');
    expect(text()).toContain('bad@@example.com: The entry may contain only one @.');
    expect(text()).toContain('@example.org: This entry is already in the list.');
    expect(tableRows(findAll('DynamicTable')[0]).map((row) => row[0])).toEqual(['@example.org', 'new@example.com', '@corp.test']);
    expect(findAll('TextArea')[0]!.props.value).toBe('bad@@example.com\n@example.org');
  });

  it('adds nothing when the save fails for another reason', async () => {
    await openSettings(handlers(undefined, { 'settings.save': () => fail('CONFLICT') }));
    paste('a@example.com\nb@example.com');
    click('Add');
    await waitFor(() => text().includes('Someone changed this at the same time.'));
    expect(calls('settings.save')).toHaveLength(1);
    expect(text()).not.toContain('added.');
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
          current = settings({ statistics: { visible: true, groupIds: [] } });
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

  it('remembers the chosen groups: a reload shows them again, a new choice is saved', async () => {
    let current = settings({ statistics: { visible: true, groupIds: ['g-7'] } });
    const stats = (p: { groupIds: string[] }) =>
      ok({ totalUsers: 1234, totalGroups: 56, groups: p.groupIds.map((id) => ({ id, name: id === 'g-7' ? 'site-admins' : 'jira-users', memberCount: 3 })) });
    const saveChoice = (p: { statistics: { groupIds: string[] } }) => {
      current = settings({ statistics: { visible: true, groupIds: p.statistics.groupIds } });
      return ok(current);
    };
    const open = () => openSettings(handlers(() => current, { 'statistics.get': stats, 'settings.save': saveChoice }));
    const chosen = () => (findAll('Select').find((s) => String(s.props.inputId).endsWith('statistics-groups'))!.props.value as { label: string }[]).map((o) => o.label);
    await open();
    await waitFor(() => chosen().length === 1);
    expect(calls('statistics.get')).toEqual([{ groupIds: ['g-7'] }]);
    expect(chosen()).toEqual(['site-admins']);
    const picker = findAll('Select').find((s) => String(s.props.inputId).endsWith('statistics-groups'))!;
    (picker.props.onChange as (v: unknown) => void)([{ value: 'g-7', label: 'site-admins' }, { value: 'g-9', label: 'jira-users' }]);
    await waitFor(() => calls('settings.save').length > 0);
    expect(calls('settings.save')[0]).toEqual({ statistics: { groupIds: ['g-7', 'g-9'] } });
    await open();
    await waitFor(() => chosen().length === 2);
    expect(chosen()).toEqual(['site-admins', 'jira-users']);
    expect(calls('statistics.get')).toEqual([{ groupIds: ['g-7', 'g-9'] }]);
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
    await waitFor(() => text().includes('Jira: enter a price of 0 or more.'));
    expect(seatSave().props.isDisabled).toBe(true);
    type('seat-price-jira', '12,5');
    type('seat-price-confluence', '4');
    await waitFor(() => seatSave().props.isDisabled === false && !text().includes('a price of 0 or more'));
    (seatSave().props.onClick as () => void)();
    await waitFor(() => calls('settings.save').length > 0);
    expect(calls('settings.save')[0]).toEqual({ seatPrices: { jira: 12.5, confluence: 4 } });
  });

  it('reads prices as the viewer writes numbers and says what is wrong with each refused one', async () => {
    await openSettings(handlers(() => settings({ productFamilies: families, seatPrices: { jira: 1234.5 } }), { 'settings.save': () => ok(settings()) }));
    expect(findAll('Textfield').find((f) => String(f.props.id).endsWith('seat-price-jira'))!.props.value).toBe('1,234.5');
    type('seat-price-jira', ' 8.15 ');
    type('seat-price-confluence', '1,000,000,000');
    type('seat-price-statuspage', 'ten');
    await waitFor(() => text().includes('Confluence (Team space): enter at most 100,000 per seat per month.'));
    expect(text()).toContain('statuspage: this is not a number. Enter a price such as 8.15.');
    expect(text()).not.toContain('Jira:');
    expect(seatSave().props.isDisabled).toBe(true);
    type('seat-price-confluence', '4.125');
    type('seat-price-statuspage', '');
    await waitFor(() => text().includes('Confluence (Team space): use at most 2 decimal places.'));
    type('seat-price-confluence', '1,000');
    await waitFor(() => seatSave().props.isDisabled === false);
    (seatSave().props.onClick as () => void)();
    await waitFor(() => calls('settings.save').length > 0);
    expect(calls('settings.save')[0]).toEqual({ seatPrices: { jira: 8.15, confluence: 1000 } });
    expect(rawKeys()).toEqual([]);
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
