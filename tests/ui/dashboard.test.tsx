import { findAll } from '../support/fakeBridge';
import { click, elementProps, fail, ok, rawKeys, renderApp, tableRows, text, textOf, waitFor } from './helpers';
import { dashboard, multiSiteDashboard, product } from './fixtures';

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

  it('counts new users apart from never-active ones and colours each state by its meaning (D1, D3, I1)', async () => {
    const base = dashboard();
    await renderApp({ 'dashboard.get': () => ok(dashboard({ totals: { ...base.totals, byState: { ...base.totals.byState, new: 12 } } })) });
    await waitFor(() => text().includes('Billable users'));
    expect(text()).toContain('New 12');
    const tiles = findAll('Box').map((box) => [textOf(box), box.props.backgroundColor]);
    expect(tiles).toEqual(
      expect.arrayContaining([
        ['Active 900', 'color.background.success'],
        ['Warning 150', 'color.background.warning'],
        ['Overdue 120', 'color.background.danger'],
        ['Never active 40', 'color.background.danger'],
        ['New 12', 'color.background.information'],
        ['Unknown 24', 'color.background.neutral'],
      ]),
    );
    expect(findAll('BarChart')[0]!.props.colorPalette).toEqual([
      { key: 'Active', value: 'color.chart.success' },
      { key: 'Warning', value: 'color.chart.warning' },
      { key: 'Overdue', value: 'color.chart.danger' },
      { key: 'Never active', value: 'color.chart.danger.bold' },
      { key: 'New', value: 'color.chart.information' },
      { key: 'Unknown', value: 'color.chart.neutral' },
    ]);
  });

  it('shows seats against capacity per product, flagged near and over capacity (D2)', async () => {
    await renderApp({ 'dashboard.get': () => ok(dashboard()) });
    await waitFor(() => findAll('DynamicTable').length > 0);
    const rows = tableRows();
    expect(rows.map((r) => r[0])).toEqual(['Jira', 'Confluence']);
    expect(rows[0]?.[5]).toContain('95 of 100 seats (95%)');
    expect(rows[0]?.[5]).toContain('Near capacity');
    expect(rows[1]?.[5]).toContain('Over capacity');
    const bars = findAll('ProgressBar').map((b) => b.props.value);
    expect(bars).toEqual([0.95, 1]);
  });

  it('titles each section once: the tables are named for assistive technology, not captioned a second time', async () => {
    await renderApp({ 'dashboard.get': () => ok(dashboard()) });
    await waitFor(() => findAll('DynamicTable').length === 2);
    const headings = findAll('Heading').map((h) => textOf(h));
    expect(headings.filter((h) => h === 'Products')).toHaveLength(1);
    expect(headings.filter((h) => h === 'Estimated monthly saving')).toHaveLength(1);
    expect(findAll('DynamicTable').map((table) => [table.props.caption, table.props.label])).toEqual([
      [undefined, 'Products'],
      [undefined, 'Estimated monthly saving'],
    ]);
  });

  it('with one site, names products without the site, also when Atlassian\'s workspace name repeats it (D2)', async () => {
    const oneSite = dashboard({
      products: [
        product({ productKey: 'jira-software', resourceId: 'res-jira', name: 'Jira (acme)', siteUrl: 'https://acme.atlassian.net' }),
        product({ productKey: 'confluence', family: 'confluence', resourceId: 'res-conf', name: 'Confluence (acme.atlassian.net)', siteUrl: 'https://acme.atlassian.net' }),
        product({ productKey: 'bitbucket', family: 'bitbucket', resourceId: 'res-bb', name: 'Bitbucket (acme)', siteUrl: 'https://bitbucket.org/acme' }),
      ],
      saving: { ...dashboard().saving, lines: [{ family: 'jira', name: 'Jira (acme)', overdueSeats: 100, pricePerSeat: 15.625, monthly: 1562.5 }] },
    });
    await renderApp({ 'dashboard.get': () => ok(oneSite) });
    await waitFor(() => findAll('DynamicTable').length === 2);
    expect(tableRows().map((r) => r[0])).toEqual(['Jira', 'Confluence', 'Bitbucket']);
    expect(findAll('BarChart')[0]!.props.data).toContainEqual({ product: 'Bitbucket', state: 'Active', users: 700 });
    expect(tableRows(findAll('DynamicTable')[1])[0]?.[0]).toBe('Jira');
    expect(text()).not.toContain('acme');
  });

  it('with several sites, shows each product\'s site as a second line, grouped by site, and in the chart labels (D2, D3)', async () => {
    await renderApp({ 'dashboard.get': () => ok(multiSiteDashboard()) });
    await waitFor(() => findAll('DynamicTable').length === 2);
    const products = tableRows().map((r) => r[0]);
    expect([...products].sort()).toEqual([
      'Bitbucket bitbucket.org/acme',
      'Confluence acme.atlassian.net',
      'Jira acme-eu.atlassian.net',
      'Jira acme.atlassian.net',
    ]);
    const sites = products.map((p) => p?.split(' ').at(-1));
    expect(sites.filter((site, i) => site !== sites[i - 1])).toHaveLength(3);
    const firstCell = findAll('DynamicTable')[0]!.children.find((c) => c.props.name === 'rows')!.children[0]!.children[0]!;
    expect(findAll('Text', firstCell).map((node) => node.props.color)).toEqual([undefined, 'color.text.subtlest']);
    expect(findAll('DonutChart')[0]!.props.data).toContainEqual({ product: 'Jira (acme-eu.atlassian.net)', seats: 40 });
    expect(findAll('ProgressBar').map((b) => b.props.ariaLabel)).toContain('Seat usage of Jira (acme-eu.atlassian.net)');
    expect(tableRows(findAll('DynamicTable')[1]).map((r) => r[0])).toEqual(['Jira']);
  });

  it('draws activity per product and seat usage as charts (D3)', async () => {
    await renderApp({ 'dashboard.get': () => ok(dashboard()) });
    await waitFor(() => findAll('BarChart').length > 0);
    const bar = findAll('BarChart')[0]!;
    expect(bar.props.data).toContainEqual({ product: 'Jira', state: 'Overdue', users: 100 });
    expect(findAll('DonutChart')[0]!.props.data).toEqual([
      { product: 'Jira', seats: 95 },
      { product: 'Confluence', seats: 310 },
    ]);
  });

  it('shows the estimated saving in the chosen currency, per product with a price, with its assumptions (D4)', async () => {
    await renderApp({ 'dashboard.get': () => ok(dashboard()) });
    await waitFor(() => text().includes('Estimated monthly saving'));
    expect(findAll('SectionMessage').map((m) => m.props.title)).toContain('About $1,562.50 per month (estimate)');
    expect(tableRows(findAll('DynamicTable')[1])).toEqual([['Jira', '100', '$15.63', '$1,562.50']]);
    expect(text()).toContain("Only overdue users' product access is removed.");
    expect(text()).toContain('Users protected by the email whitelist are not counted: they are never removed.');
  });

  it('formats the saving in another currency (D4)', async () => {
    const euros = dashboard({ saving: { ...dashboard().saving, currency: 'EUR' } });
    await renderApp({ 'dashboard.get': () => ok(euros) });
    await waitFor(() => text().includes('Estimated monthly saving'));
    expect(findAll('SectionMessage').map((m) => m.props.title)).toContain('About €1,562.50 per month (estimate)');
  });

  it('without any seat price, shows no amount but how to set prices (D4)', async () => {
    const unpriced = dashboard({ saving: { currency: 'USD', totalMonthly: 0, lines: [], assumptionKeys: ['dashboard.saving.assumptions.overdueOnly'] } });
    await renderApp({ 'dashboard.get': () => ok(unpriced) });
    await waitFor(() => text().includes('Estimated monthly saving'));
    expect(findAll('SectionMessage').map((m) => m.props.title)).toEqual(['Enter seat prices to see an estimate']);
    expect(text()).toContain('In Settings, under Seat prices, enter what one seat costs per month');
    expect(text()).not.toMatch(/About|0\.00/);
    expect(findAll('DynamicTable')).toHaveLength(1);
  });

  it('explains the empty state before the first sync', async () => {
    const empty = dashboard({ totals: { ...dashboard().totals, users: 0 }, products: [], freshness: { lastSyncAt: null, lastSyncStatus: null, runningSince: null } });
    await renderApp({ 'dashboard.get': () => ok(empty) });
    await waitFor(() => findAll('EmptyState').length > 0);
    expect(findAll('EmptyState')[0]!.props.header).toBe('No directory data yet');
  });

  it('labels the numbers of a first sync that is still running as partial, not as "Never synced"', async () => {
    const partial = dashboard({ totals: { ...dashboard().totals, users: 0 }, freshness: { lastSyncAt: null, lastSyncStatus: null, runningSince: '2026-01-31T12:00:00.000Z' } });
    await renderApp({ 'dashboard.get': () => ok(partial) });
    await waitFor(() => text().includes('The first sync is still running'));
    expect(text()).not.toContain('Never synced');
    expect(findAll('EmptyState')).toHaveLength(0);
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
