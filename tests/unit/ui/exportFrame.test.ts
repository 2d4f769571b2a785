import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { createI18n } from '../../../src/ui/i18n/i18n';
import { buildExportMessage } from '../../../src/ui/screens/export/exportMessage';
import { READY_EVENT, REQUEST_EVENT, type CsvExportMessage } from '../../../src/ui/screens/export/protocol';

const i18n = createI18n('en-US');
const t = i18n.t.bind(i18n);

const message = (overrides: Partial<CsvExportMessage> = {}): CsvExportMessage => ({
  ...buildExportMessage({ kind: 'users', payload: { filter: { billable: true }, sort: { key: 'name', direction: 'asc' } }, total: 2 }, { t }, 'en-US', '2026-02-01'),
  ...overrides,
});

describe('the export request the admin page sends (X1)', () => {
  it('carries the filter, translated headers and texts with placeholders for the frame', () => {
    const m = message();
    expect(m.fileName).toBe('users-2026-02-01.csv');
    expect(m.headers.lastActiveAt).toBe('Last activity (UTC)');
    expect(m.text.progress).toBe('{{rows}} of {{total}} rows');
    expect([m.words.yes, m.words.values.inactivity?.['never-active'], m.words.values.reason?.protected]).toEqual(['Yes', 'Never active', 'Protected by the email whitelist']);
    expect(m.words.phrases['auditDetails.counts.users_other']).toBe('{{count, number}} users');
    expect(m.words.actor.task).toBe('Automated task “{{name}}”');
    expect(m.text.errors.RATE_LIMITED).toBe("Atlassian's rate limit was reached. Try again later.");
    expect(m.payload).toEqual({ filter: { billable: true }, sort: { key: 'name', direction: 'asc' } });
  });
});

/** Timers the frame script set (it revokes a saved file's URL a minute later); cleared after each test. */
const frameTimers: NodeJS.Timeout[] = [];
afterEach(() => {
  for (const timer of frameTimers.splice(0)) clearTimeout(timer);
});

/** A minimal DOM and Forge bridge around resources/csv-export/export.js, as the Frame's iframe would give it. */
const runFrame = (answer: (key: string, payload: Record<string, unknown>) => unknown) => {
  const listeners = new Map<string, () => void>();
  const element = (id: string) => ({
    id,
    hidden: false,
    disabled: false,
    textContent: '',
    value: 0,
    addEventListener: (type: string, fn: () => void) => listeners.set(`${id}:${type}`, fn),
    removeAttribute: () => undefined,
  });
  const elements = Object.fromEntries(['download', 'save', 'progress', 'status'].map((id) => [id, element(id)]));
  const downloads: { href: string; download: string }[] = [];
  const blobs: Blob[] = [];
  const subscriptions = new Map<string, (payload: unknown) => void>();
  const emitted: string[] = [];
  const invoked: { key: string; payload: Record<string, unknown> }[] = [];
  const sandbox = {
    Intl,
    Blob,
    setTimeout: (run: () => void, ms: number) => {
      const timer = setTimeout(run, ms);
      frameTimers.push(timer);
      return timer;
    },
    Promise,
    URL: { createObjectURL: (blob: Blob) => (blobs.push(blob), `blob:${blobs.length}`), revokeObjectURL: () => undefined },
    document: {
      readyState: 'complete',
      getElementById: (id: string) => elements[id],
      createElement: () => {
        const link = { href: '', download: '', click: () => downloads.push({ href: link.href, download: link.download }), remove: () => undefined };
        return link;
      },
      body: { appendChild: () => undefined },
    },
    __bridge: {
      callBridge: (command: string, data: { event?: string; callback?: (p: unknown) => void; functionKey?: string; payload?: Record<string, unknown> }) => {
        if (command === 'on') subscriptions.set(data.event!, data.callback!);
        if (command === 'emit') emitted.push(data.event!);
        if (command === 'invoke') {
          invoked.push({ key: data.functionKey!, payload: data.payload! });
          return Promise.resolve(answer(data.functionKey!, data.payload!));
        }
        return Promise.resolve();
      },
    },
  };
  const dir = join(__dirname, '../../../resources/csv-export');
  runInNewContext(['words.js', 'csv.js'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n') + '\n' + readFileSync(join(dir, 'export.js'), 'utf8'), sandbox);
  return { elements, listeners, downloads, blobs, subscriptions, emitted, invoked };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the export frame script (X1–X4)', () => {
  it('announces itself, takes the request and saves a UTF-8 CSV with BOM after paging', async () => {
    const frame = runFrame((_key, payload) => ({
      ok: true,
      data: { items: [{ accountId: payload.after === null ? 'acc-1' : 'acc-2', name: 'N', products: [], groups: [] }], next: payload.after === null ? 'c2' : null },
    }));
    await settle();
    expect(frame.emitted).toEqual([READY_EVENT]);
    frame.subscriptions.get(REQUEST_EVENT)!(message());
    expect(frame.elements.download!.textContent).toBe('Download CSV');
    expect(frame.elements.download!.hidden).toBe(false);
    frame.listeners.get('download:click')!();
    await settle();
    expect(frame.invoked.map((c) => c.payload)).toEqual([
      { filter: { billable: true }, sort: { key: 'name', direction: 'asc' }, limit: 500, after: null },
      { filter: { billable: true }, sort: { key: 'name', direction: 'asc' }, limit: 500, after: 'c2' },
    ]);
    expect(frame.downloads).toEqual([{ href: 'blob:1', download: 'users-2026-02-01.csv' }]);
    const blob = frame.blobs[0]!;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await blob.text()).toContain('\r\nacc-2,N,');
    expect(frame.elements.status!.textContent).toBe('Ready: 2 rows. If your browser did not save the file, click Save file.');
    expect(frame.elements.save!.hidden).toBe(false);
  });

  it('saves the identity-provider hand-off list from bulk.handoff, with reasons in words (B2)', async () => {
    const frame = runFrame(() => ({
      ok: true,
      data: {
        items: [
          {
            accountId: 'acc-1', name: 'Abbey Reichert', email: 'abbey@acme.test', reason: 'idp-synced-group', group: 'okta-jira',
            groupDirectory: 'Okta sync', groupDirectoryId: 'dir-okta', directory: 'Okta', directoryId: 'dir-1',
          },
          { accountId: 'acc-2', name: 'Bo', email: null, reason: 'idp-managed', group: null, groupDirectory: null, groupDirectoryId: null, directory: null, directoryId: 'dir-2' },
        ],
        next: null,
      },
    }));
    await settle();
    const action = { type: 'revoke-product', productKey: 'jira-software', resourceId: 'res-jira' };
    const selection = { kind: 'accounts', accountIds: ['acc-1', 'acc-2'] };
    frame.subscriptions.get(REQUEST_EVENT)!(buildExportMessage({ kind: 'handoff', payload: { action, selection }, total: null }, { t }, 'en-US', '2026-02-01'));
    frame.listeners.get('download:click')!();
    await settle();
    expect(frame.invoked).toEqual([{ key: 'bulk.handoff', payload: { action, selection, limit: 1000, after: null } }]);
    expect(frame.downloads).toEqual([{ href: 'blob:1', download: 'identity-provider-hand-off-2026-02-01.csv' }]);
    expect((await frame.blobs[0]!.text()).split('\r\n')).toEqual([
      "Name,Email,Why the app cannot change it,Group synced from the identity provider,Directory the group is synced into,User's directory,Account ID,Directory ID,Group's directory ID",
      'Abbey Reichert,abbey@acme.test,Access comes from a group synced from your identity provider,okta-jira,Okta sync,Okta,acc-1,dir-1,dir-okta',
      'Bo,,The identity provider manages this account,,,,acc-2,dir-2,',
      '',
    ]);
  });

  it('shows the translated error when a page fails, and saves nothing', async () => {
    const frame = runFrame(() => ({ ok: false, error: { code: 'RATE_LIMITED', messageKey: 'errors.RATE_LIMITED' } }));
    await settle();
    frame.subscriptions.get(REQUEST_EVENT)!(message());
    frame.listeners.get('download:click')!();
    await settle();
    expect(frame.elements.status!.textContent).toBe("Atlassian's rate limit was reached. Try again later.");
    expect(frame.downloads).toEqual([]);
    expect(frame.elements.download!.disabled).toBe(false);
  });
});
