import { findAll } from '../support/fakeBridge';
import { byId, calls, click, elementProps, fail, ok, pick, pressEnter, rawKeys, renderApp, tableRows, text, type, waitFor } from './helpers';
import { auditEntry, page, user } from './fixtures';

type AuditPayload = Record<string, unknown> & { after: string | null; limit: number };

const lastCall = (): AuditPayload => calls('audit.list').at(-1) as AuditPayload;

const removed = {
  key: 'auditDetails.changed.group-remove',
  params: { groups: { kind: 'list' as const, value: ['jira-users-acme'] }, product: { kind: 'text' as const, value: 'Jira' }, count: { kind: 'number' as const, value: 1 } },
};

const entries = [
  auditEntry(1, { details: { method: 'group-remove', productKey: null, resourceId: null }, summary: removed }),
  auditEntry(2, {
    jobId: null,
    actor: { kind: 'task', taskId: 'task-7', name: 'Clean up Jira' },
    outcome: 'skipped',
    reason: 'protected',
    reasonKey: 'bulk.reasons.protected',
    details: {},
  }),
  auditEntry(4, { actor: { kind: 'caller', callerId: 'c-1', name: 'Okta offboarding' } }),
  auditEntry(5, { actor: { kind: 'caller', callerId: 'c-gone', name: null } }),
];

describe('Audit log (A1–A3)', () => {
  it('shows who did what to whom, with outcome and reason, in the viewer time zone', async () => {
    await renderApp({ 'audit.list': (p: AuditPayload) => ok(p.after === null ? page(entries, 'c-2') : page([auditEntry(3)])) }, 'Audit log');
    await waitFor(() => text().includes('Ada Admin'));
    expect(tableRows()[0]).toEqual(['Jan 30, 2026, 11:00 AM', 'Ada Admin', 'Deactivate user All entries of this job', 'User 1', 'Succeeded', '', 'Removed from group jira-users-acme to revoke Jira access']);
    expect(tableRows()[1]).toEqual(['Jan 30, 2026, 11:00 AM', 'Automated task “Clean up Jira”', 'Deactivate user', 'User 2', 'Skipped', 'Protected by the email whitelist', '']);
    expect(tableRows().slice(2, 4).map((r) => r[1])).toEqual(['Caller Okta offboarding', 'A caller of the web trigger']);
    expect(text()).not.toMatch(/null|productKey|resourceId/);
    click('Next');
    expect(rawKeys()).toEqual([]);
    expect(elementProps()).toEqual([]);
    await waitFor(() => text().includes('User 3'));
    expect(lastCall()).toMatchObject({ after: 'c-2', limit: 25 });
  });

  it('shows 25 entries a page by default and 50 or 100 on request, from the first page (U6)', async () => {
    await renderApp({ 'audit.list': (p: AuditPayload) => ok(p.after === null ? page(entries, 'c-2') : page([auditEntry(3)])) }, 'Audit log');
    await waitFor(() => text().includes('Ada Admin'));
    expect(lastCall()).toMatchObject({ after: null, limit: 25 });
    click('Next');
    await waitFor(() => text().includes('User 3'));
    pick('audit-page-size', '50');
    await waitFor(() => lastCall().limit === 50);
    expect(lastCall()).toMatchObject({ after: null, limit: 50 });
  });

  it('filters by time range, action, outcome, people picked by name and search; controls apply at once (A2, U6)', async () => {
    const people = [user(9, { name: 'Abbey Reichert', email: 'abbey@example.com' }), user(1, { accountId: 'admin-1', name: 'Ada Admin', email: 'ada@example.com' })];
    await renderApp({ 'audit.list': () => ok(page(entries)), 'users.list': () => ok(page(people)) }, 'Audit log');
    await waitFor(() => text().includes('Ada Admin'));
    const picker = (id: string) => findAll('DatePicker').find((d) => String(d.props.id).endsWith(id))!;
    (picker('audit-from').props.onChange as (v: string) => void)('2026-01-01');
    await waitFor(() => lastCall().from !== undefined);
    (picker('audit-to').props.onChange as (v: string) => void)('2026-01-31');
    pick('audit-action', 'product.revoke');
    await waitFor(() => lastCall().actions !== undefined);
    pick('audit-outcome', 'failed');
    await waitFor(() => lastCall().outcome !== undefined);
    (byId('Select', 'audit-target', 'inputId').props.onInputChange as (v: string) => void)('reichert');
    await waitFor(() => calls('users.list').some((c) => JSON.stringify(c).includes('reichert')));
    expect(calls('users.list').at(-1)).toMatchObject({ filter: { search: 'reichert' } });
    await waitFor(() => JSON.stringify(byId('Select', 'audit-target', 'inputId').props.options).includes('Abbey Reichert (abbey@example.com)'));
    pick('audit-target', 'acc-9');
    await waitFor(() => lastCall().targetAccountId === 'acc-9');
    await waitFor(() => JSON.stringify(byId('Select', 'audit-actor', 'inputId').props.options).includes('Ada Admin'));
    pick('audit-actor', 'admin-1');
    await waitFor(() => lastCall().actorId === 'admin-1');
    type('audit-search', 'reich');
    expect(lastCall().search).toBeUndefined();
    pressEnter('audit-search');
    await waitFor(() => lastCall().search !== undefined);
    expect(lastCall()).toEqual({
      from: '2025-12-31T23:00:00.000Z',
      to: '2026-01-31T23:00:00.000Z',
      actions: ['product.revoke'],
      outcome: ['failed'],
      actorId: 'admin-1',
      targetAccountId: 'acc-9',
      search: 'reich',
      limit: 25,
      after: null,
    });
    expect(findAll('Textfield').map((f) => String(f.props.id).replace(/^.*-audit-/, 'audit-'))).toEqual(['audit-search']);
  });

  it('searches people by a word of their name or email; a job is reached from its entries, never typed as an ID (U6)', async () => {
    await renderApp({ 'audit.list': () => ok(page(entries)) }, 'Audit log');
    await waitFor(() => text().includes('Ada Admin'));
    expect(text()).not.toMatch(/account or job id/i);
    expect(text()).toContain('Name or email');
    type('audit-search', 'Reichert');
    click('Apply');
    await waitFor(() => lastCall().search === 'Reichert');
    expect(lastCall().jobId).toBeUndefined();
    click('All entries of this job');
    await waitFor(() => lastCall().jobId === 'job-1');
    expect(lastCall()).toMatchObject({ search: 'Reichert', jobId: 'job-1' });
    expect(text()).toContain('Showing the entries of one job: Deactivate user on Jan 30, 2026, 11:00 AM');
    expect(text()).not.toContain('job-1');
    click('Show all entries');
    await waitFor(() => lastCall().jobId === undefined);
    expect(text()).not.toContain('Showing the entries of one job');
  });

  it('names people the synced directory does not know in words, never by account ID', async () => {
    const unknown = [
      auditEntry(5, { actor: { kind: 'admin', accountId: '557058:gone-admin', name: null }, targetAccountId: '557058:gone-user', targetName: null, targetEmail: null, jobId: null }),
      auditEntry(6, { action: 'settings.update', actionKey: 'audit.actions.settings.update', targetAccountId: null, targetName: null, targetEmail: null, jobId: null }),
    ];
    await renderApp({ 'audit.list': () => ok(page(unknown)) }, 'Audit log');
    await waitFor(() => text().includes('Change settings'));
    expect(tableRows().map((r) => [r[1], r[3]])).toEqual([
      ['An administrator no longer in the directory', 'Someone not in the synced directory'],
      ['Ada Admin', '—'],
    ]);
    expect(text()).not.toContain('557058');
  });

  it('says so when the From date is after the To date, instead of listing nothing', async () => {
    await renderApp({ 'audit.list': () => ok(page(entries)) }, 'Audit log');
    await waitFor(() => text().includes('Ada Admin'));
    const picker = (id: string) => findAll('DatePicker').find((d) => String(d.props.id).endsWith(id))!;
    (picker('audit-from').props.onChange as (v: string) => void)('2026-02-10');
    (picker('audit-to').props.onChange as (v: string) => void)('2026-02-01');
    await waitFor(() => text().includes('Pick a From date on or before the To date.'));
    expect(findAll('SectionMessage')[0]?.props.title).toBe('The From date is after the To date');
    expect(findAll('DynamicTable')).toHaveLength(0);
    expect(picker('audit-from').props.isInvalid).toBe(true);
    expect(calls('audit.list').some((c) => (c as AuditPayload).from !== undefined && (c as AuditPayload).to !== undefined)).toBe(false);
    (picker('audit-to').props.onChange as (v: string) => void)('2026-02-20');
    await waitFor(() => findAll('DynamicTable').length > 0);
  });

  it('shows the empty state and errors', async () => {
    await renderApp({ 'audit.list': () => ok(page([])) }, 'Audit log');
    await waitFor(() => findAll('EmptyState').length > 0);
    expect(findAll('EmptyState')[0]!.props.header).toBe('No audit entries');
    await renderApp({ 'audit.list': () => fail('INTERNAL') }, 'Audit log');
    await waitFor(() => text().includes('Something went wrong. Nothing was changed.'));
  });

  it('offers the filtered log as a CSV export (A3)', async () => {
    await renderApp({ 'audit.list': () => ok(page(entries)) }, 'Audit log');
    await waitFor(() => text().includes('Ada Admin'));
    click('Export CSV');
    await waitFor(() => findAll('Frame').length > 0);
    expect(text()).toContain('Click Download inside the box below.');
  });
});
