import { bridge, findAll, renderedText } from '../support/fakeBridge';
import React from 'react';
import { App } from '../../src/ui/App';
import { calls, click, fail, fullAccess, mount, ok, rawKeys, text, type, waitFor } from './helpers';
import { dashboard, settings } from './fixtures';

const bootstrap = ok({ grant: { level: 'bootstrap' }, apiKeyConfigured: false });

const render = async (answer: unknown, handlers: Record<string, (payload: never) => unknown> = {}): Promise<void> => {
  await mount(<App />, { 'app.bootstrap': () => answer, ...handlers });
  await waitFor(() => bridge.calls.length > 0 && !renderedText().includes('Loading'));
};

describe('admin page shell', () => {
  it('lets a Jira admin of an unconfigured app reach only Settings, to enter a key', async () => {
    await render(bootstrap, { 'settings.get': () => ok(settings({ apiKey: null })) });
    await waitFor(() => text().includes('Check key'));
    expect(text()).toContain('Connect your organization');
    expect(findAll('Tabs')).toHaveLength(0);
    expect(text()).not.toContain('Sync now');
    expect(bridge.calls.map((c) => c.functionKey)).toEqual(['app.bootstrap', 'settings.get']);
  });

  it('opens every tab once the key is saved', async () => {
    let access: unknown = bootstrap;
    await mount(<App />, {
      'app.bootstrap': () => access,
      'settings.get': () => ok(settings({ apiKey: null })),
      'apiKey.check': () => ok({ orgs: [{ id: 'org-1', name: 'Acme Corp' }] }),
      'apiKey.save': () => {
        access = fullAccess;
        return ok(settings().apiKey);
      },
      'dashboard.get': () => ok(dashboard()),
    });
    await waitFor(() => text().includes('Check key'));
    type('api-key', 'a-valid-key-123');
    click('Check key');
    await waitFor(() => text().includes('Organization: Acme Corp'));
    click('Save key');
    await waitFor(() => findAll('Tabs').length > 0 && text().includes('Billable users'));
    expect(calls('apiKey.save')).toEqual([{ key: 'a-valid-key-123', orgId: 'org-1' }]);
  });

  it('names the role that gives a configured admin access', async () => {
    await render(ok({ grant: { level: 'full', via: 'product-admin' }, apiKeyConfigured: true }), { 'dashboard.get': () => ok(dashboard()) });
    expect(text()).toContain('full access through your product admin role');
    expect(findAll('Tab').map((tab) => renderedText(tab))).toEqual(['Dashboard', 'Users', 'Inactive users', 'Automated tasks', 'Audit log', 'Jobs', 'Settings']);
  });

  it('shows a non-admin the translated refusal, without a retry', async () => {
    await render(fail('NOT_JIRA_ADMIN'));
    expect(findAll('SectionMessage')).toHaveLength(1);
    expect(text()).toContain('Only Jira administrators can use this app.');
    expect(findAll('Button')).toHaveLength(0);
    expect(findAll('Tabs')).toHaveLength(0);
  });

  it('explains a role that is not allowed', async () => {
    await render(fail('ROLE_NOT_ALLOWED'));
    expect(text()).toContain('An organization admin can allow product admins or user access admins in Settings.');
  });

  it('treats a malformed answer as an internal error, not a crash', async () => {
    await render({ unexpected: true });
    expect(text()).toContain('Something went wrong. Nothing was changed.');
  });

  it('formats in the viewer locale and time zone', async () => {
    bridge.context.locale = 'de_DE';
    bridge.context.timezone = 'America/New_York';
    try {
      await render(fullAccess, { 'dashboard.get': () => ok(dashboard()) });
      await waitFor(() => text().includes('1.234'));
      expect(text()).toContain('31.01.2026, 07:00');
    } finally {
      bridge.context.locale = 'en-US';
      bridge.context.timezone = 'Europe/Berlin';
    }
  });

  it('never shows an untranslated key on any tab', async () => {
    await render(fullAccess, { 'dashboard.get': () => ok(dashboard()) });
    await waitFor(() => text().includes('Billable users'));
    expect(rawKeys(text())).toEqual([]);
  });
});
