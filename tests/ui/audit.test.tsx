import { findAll } from '../support/fakeBridge';
import { calls, click, elementProps, fail, ok, pick, rawKeys, renderApp, tableRows, text, type, waitFor } from './helpers';
import { auditEntry, page } from './fixtures';

type AuditPayload = Record<string, unknown> & { after: string | null; limit: number };

const lastCall = (): AuditPayload => calls('audit.list').at(-1) as AuditPayload;

const entries = [
  auditEntry(1),
  auditEntry(2, {
    actor: { kind: 'task', taskId: 'task-7' },
    outcome: 'skipped',
    reason: 'protected',
    reasonKey: 'bulk.reasons.protected',
    details: {},
  }),
];

describe('Audit log (A1–A3)', () => {
  it('shows who did what to whom, with outcome and reason, in the viewer time zone', async () => {
    await renderApp({ 'audit.list': (p: AuditPayload) => ok(p.after === null ? page(entries, 'c-2') : page([auditEntry(3)])) }, 'Audit log');
    await waitFor(() => text().includes('Ada Admin'));
    expect(tableRows()[0]).toEqual(['Jan 30, 2026, 11:00 AM', 'Ada Admin', 'Deactivate user', 'User 1', 'Succeeded', '', 'method: lifecycle-disable']);
    expect(tableRows()[1]?.slice(1, 6)).toEqual(['Automated task task-7', 'Deactivate user', 'User 2', 'Skipped', 'Protected by the email whitelist']);
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

  it('filters by time range, action, outcome, actor, affected user and search', async () => {
    await renderApp({ 'audit.list': () => ok(page(entries)) }, 'Audit log');
    await waitFor(() => text().includes('Ada Admin'));
    const picker = (id: string) => findAll('DatePicker').find((d) => String(d.props.id).endsWith(id))!;
    (picker('audit-from').props.onChange as (v: string) => void)('2026-01-01');
    (picker('audit-to').props.onChange as (v: string) => void)('2026-01-31');
    pick('audit-action', 'product.revoke');
    pick('audit-outcome', 'failed');
    type('audit-actor', 'admin-1');
    type('audit-target', 'acc-9');
    type('audit-search', 'job-4');
    click('Apply');
    await waitFor(() => lastCall().outcome !== undefined);
    expect(lastCall()).toEqual({
      from: '2025-12-31T23:00:00.000Z',
      to: '2026-01-31T23:00:00.000Z',
      actions: ['product.revoke'],
      outcome: ['failed'],
      actorId: 'admin-1',
      targetAccountId: 'acc-9',
      search: 'job-4',
      limit: 25,
      after: null,
    });
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
