import { findAll } from '../support/fakeBridge';
import { click, elementProps, fail, ok, rawKeys, renderApp, tableRows, text, waitFor } from './helpers';
import { dashboard } from './fixtures';

describe('Dashboard', () => {
  it('shows totals by state, billable users and when the data was synced (D1)', async () => {
    await renderApp({ 'dashboard.get': () => ok(dashboard()) });
    await waitFor(() => text().includes('Billable users'));
    expect(text()).toContain('1,234');
    expect(text()).toContain('Never active 40');
    expect(text()).toContain('Unknown 24');
    expect(text()).toContain('Billable users 1,100');
    expect(text()).toContain('Data as of Jan 31, 2026, 1:00 PM');
    expect(text()).toContain('Warning after 90 days without activity, overdue after 180 days.');
    expect(rawKeys()).toEqual([]);
    expect(elementProps()).toEqual([]);
  });

  it('shows seats against capacity per product, flagged near and over capacity (D2)', async () => {
    await renderApp({ 'dashboard.get': () => ok(dashboard()) });
    await waitFor(() => findAll('DynamicTable').length > 0);
    const rows = tableRows();
    expect(rows[0]?.[0]).toBe('Jira (acme.atlassian.net)');
    expect(rows[0]?.[5]).toContain('95 of 100 seats (95%)');
    expect(rows[0]?.[5]).toContain('Near capacity');
    expect(rows[1]?.[5]).toContain('Over capacity');
    const bars = findAll('ProgressBar').map((b) => b.props.value);
    expect(bars).toEqual([0.95, 1]);
  });

  it('draws activity per product and seat usage as charts (D3)', async () => {
    await renderApp({ 'dashboard.get': () => ok(dashboard()) });
    await waitFor(() => findAll('BarChart').length > 0);
    const bar = findAll('BarChart')[0]!;
    expect(bar.props.data).toContainEqual({ product: 'Jira (acme.atlassian.net)', state: 'Overdue', users: 100 });
    expect(findAll('DonutChart')[0]!.props.data).toEqual([
      { product: 'Jira (acme.atlassian.net)', seats: 95 },
      { product: 'Confluence (acme.atlassian.net)', seats: 310 },
    ]);
  });

  it('shows the estimated saving with its assumptions (D4)', async () => {
    await renderApp({ 'dashboard.get': () => ok(dashboard()) });
    await waitFor(() => text().includes('Estimated monthly saving'));
    expect(findAll('SectionMessage').map((m) => m.props.title)).toContain('About 1,562.50 per month');
    expect(tableRows(findAll('DynamicTable')[1])[0]).toEqual(['Jira', '100', '15.63', '1,562.50']);
    expect(text()).toContain('No price set in Settings');
    expect(text()).toContain("Only overdue users' product access is removed.");
  });

  it('explains the empty state before the first sync', async () => {
    const empty = dashboard({ totals: { ...dashboard().totals, users: 0 }, products: [], freshness: { lastSyncAt: null, lastSyncStatus: null, runningSince: null } });
    await renderApp({ 'dashboard.get': () => ok(empty) });
    await waitFor(() => findAll('EmptyState').length > 0);
    expect(findAll('EmptyState')[0]!.props.header).toBe('No directory data yet');
  });

  it('shows a translated error with a retry, and loads again', async () => {
    let answer: unknown = fail('RATE_LIMITED');
    await renderApp({ 'dashboard.get': () => answer });
    await waitFor(() => text().includes("Atlassian's rate limit was reached"));
    answer = ok(dashboard());
    click('Try again');
    await waitFor(() => text().includes('Billable users'));
  });
});
