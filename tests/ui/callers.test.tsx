import React from 'react';
import { findAll } from '../support/fakeBridge';
import { calls, check, click, elementProps, fail, isDisabled, mount, ok, rawKeys, tableRows, text, type, waitFor } from './helpers';
import type { CallerDto } from '../../src/contract';
import { IncomingCallersSection } from '../../src/ui/screens/settings/IncomingCallersSection';

const URL = 'https://1234.hello.atlassian-dev.net/x1/abc-123';
const TOKEN = 'ulo.c-new.secret-token-secret-token-secret-token-xx';

const caller = (overrides: Partial<CallerDto> = {}): CallerDto => ({
  id: 'c-1',
  name: 'Okta offboarding',
  actions: ['deactivate', 'job-status'],
  createdBy: 'acc-ada',
  createdByName: 'Ada Admin',
  createdAt: '2026-01-31T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});

const render = async (items: CallerDto[], extra: Record<string, (payload: never) => unknown> = {}): Promise<void> => {
  await mount(<IncomingCallersSection />, {
    'callers.list': () => ok({ url: URL, header: 'Authorization', items }),
    ...extra,
  });
  await waitFor(() => text().includes('Web trigger URL'));
};

describe('Settings — incoming requests (S10)', () => {
  it('shows the URL, the header, and each caller: what it may request, who created it, last use, status', async () => {
    await render([caller(), caller({ id: 'c-2', name: 'Old script', createdByName: null, lastUsedAt: '2026-02-01T08:00:00.000Z', revokedAt: '2026-02-02T08:00:00.000Z' })]);
    expect(text()).toContain(URL);
    expect(text()).toContain('Send the caller\'s token in the Authorization header');
    const rows = tableRows();
    expect(rows[0]?.slice(0, 6)).toEqual(['Okta offboarding', 'Deactivate users and Status of its own jobs', 'Ada Admin', expect.stringContaining('2026') as unknown, 'Never', 'Active']);
    expect(rows[1]?.[2]).toBe('An administrator no longer in the directory');
    expect(rows[1]?.[5]).toMatch(/^Revoked /);
    expect(rows[1]?.[6]).toBe('');
    expect(rawKeys()).toEqual([]);
    expect(elementProps()).toEqual([]);
  });

  it('creates a caller with the chosen actions and shows its token once', async () => {
    let listed: CallerDto[] = [];
    await render([], {
      'callers.list': () => ok({ url: URL, header: 'Authorization', items: listed }),
      'callers.create': () => {
        listed = [caller({ id: 'c-new', name: 'HR flow', actions: ['reactivate'] })];
        return ok({ caller: listed[0], token: TOKEN });
      },
    });
    expect(text()).toContain('No callers yet.');
    expect(isDisabled('Create caller')).toBe(true);
    type('caller-name', 'HR flow');
    check('Deactivate users', false);
    check('Status of its own jobs', false);
    expect(isDisabled('Create caller')).toBe(true);
    check('Reactivate users');
    click('Create caller');
    await waitFor(() => findAll('SectionMessage').some((m) => m.props.title === 'Caller HR flow created'));
    expect(calls('callers.create')).toEqual([{ name: 'HR flow', actions: ['reactivate'] }]);
    expect(text()).toContain(TOKEN);
    await waitFor(() => tableRows()[0]?.[0] === 'HR flow');
    click('I have copied the token');
    await waitFor(() => !text().includes(TOKEN));
    expect(text()).toContain('Create caller');
  });

  it('keeps the new token on screen when the list cannot be reloaded after the creation', async () => {
    let created = false;
    await render([], {
      'callers.list': () => (created ? fail('INTERNAL') : ok({ url: URL, header: 'Authorization', items: [] })),
      'callers.create': () => {
        created = true;
        return ok({ caller: caller({ id: 'c-new', name: 'HR flow' }), token: TOKEN });
      },
    });
    type('caller-name', 'HR flow');
    click('Create caller');
    await waitFor(() => calls('callers.list').length >= 2 && findAll('SectionMessage').some((m) => m.props.appearance === 'error'));
    expect(text()).toContain(TOKEN);
  });

  it('revokes a caller from its row', async () => {
    await render([caller()], { 'callers.revoke': () => ok({ revoked: true }) });
    click('Revoke Okta offboarding');
    await waitFor(() => calls('callers.revoke').length === 1);
    expect(calls('callers.revoke')).toEqual([{ callerId: 'c-1' }]);
  });

  it('says so when a revoke fails, so the admin does not think the token is dead', async () => {
    await render([caller()], { 'callers.revoke': () => fail('INTERNAL') });
    click('Revoke Okta offboarding');
    await waitFor(() => findAll('SectionMessage').some((m) => m.props.appearance === 'error'));
    expect(rawKeys()).toEqual([]);
  });
});
