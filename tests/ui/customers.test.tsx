import { ok, openTab, renderApp, tableRows, text, waitFor } from './helpers';
import { dashboard, page } from './fixtures';

describe('JSM customers by name (U3)', () => {
  it('names customers outside the org directory as JSM does, never by a qm: account ID', async () => {
    const outside = { serviceDeskId: '7', serviceDeskName: 'Client support', accountId: 'qm:abc:123', displayName: 'Cleo Client', email: 'cleo@client.com', person: null, organizations: [{ id: '4', name: 'Client Ltd' }] };
    const nameless = { ...outside, accountId: 'qm:abc:456', displayName: null, email: null, organizations: [] };
    await renderApp({ 'customers.list': () => ok(page([outside, nameless])), 'users.list': () => ok(page([])), 'users.count': () => ok({ count: 0 }), 'dashboard.get': () => ok(dashboard()), 'bulk.status': () => ok(null) }, 'Users');
    await waitFor(() => text().includes('JSM customers'));
    openTab('JSM customers');
    await waitFor(() => text().includes('Cleo Client'));
    expect(tableRows()[0]?.slice(1)).toEqual(['Cleo Client cleo@client.com', 'Customer account (not in the organization directory)', 'Client Ltd']);
    expect(tableRows()[1]?.[1]).toBe('Customer without a name');
    expect(tableRows()[0]?.[0]).toBe('Client support');
    expect(text()).not.toContain('qm:');
  });
});
