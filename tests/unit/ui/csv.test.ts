import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { createI18n } from '../../../src/ui/i18n/i18n';
import { csvWords } from '../../../src/ui/screens/export/csvWords';
import { exportColumns, type CsvWords } from '../../../src/ui/screens/export/protocol';

/** The API resources/csv-export/csv.js defines; the file is plain browser JS, so it is run here as the browser would. */
interface UloCsv {
  BOM: string;
  columns: Record<string, string[]>;
  lists: Record<string, { key: string; limit: number }>;
  escapeCell: (value: unknown) => string;
  toCsv: (kind: string, headers: Record<string, string>, items: unknown[], words: CsvWords) => string;
  fetchAll: (
    invoke: (key: string, payload: Record<string, unknown>) => Promise<unknown>,
    kind: string,
    payload: Record<string, unknown>,
    onProgress: (rows: number) => void,
  ) => Promise<unknown[]>;
}

const load = (): UloCsv => {
  const dir = join(__dirname, '../../../resources/csv-export');
  const source = readFileSync(join(dir, 'words.js'), 'utf8') + '\n' + readFileSync(join(dir, 'csv.js'), 'utf8');
  const sandbox: { UloCsv?: UloCsv; Intl: typeof Intl } = { Intl };
  runInNewContext(source, sandbox);
  return sandbox.UloCsv!;
};

const csv = load();
const i18n = createI18n('en-US');
const words = csvWords({ t: i18n.t.bind(i18n) }, 'en-US');
const headers = (kind: keyof typeof exportColumns): Record<string, string> =>
  Object.fromEntries(exportColumns[kind].map((key) => [key, key.toUpperCase()]));

describe('CSV export file format (X4)', () => {
  it('quotes fields with quotes, commas and line breaks, doubling quotes', () => {
    expect(csv.escapeCell('plain')).toBe('plain');
    expect(csv.escapeCell('Doe, Jane')).toBe('"Doe, Jane"');
    expect(csv.escapeCell('say "hi"')).toBe('"say ""hi"""');
    expect(csv.escapeCell('two\nlines')).toBe('"two\nlines"');
    expect(csv.escapeCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csv.escapeCell('Zoë 山田 👩‍💻')).toBe('Zoë 山田 👩‍💻');
  });

  it('guards text that a spreadsheet would run as a formula', () => {
    expect(csv.escapeCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.escapeCell('+1 555')).toBe("'+1 555");
    expect(csv.escapeCell('-2+3')).toBe("'-2+3");
    expect(csv.escapeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csv.escapeCell('\tcmd')).toBe("'\tcmd");
    expect(csv.escapeCell('a=b')).toBe('a=b');
  });

  it('writes numbers and booleans as they are and empties for missing values', () => {
    expect(csv.escapeCell(-5)).toBe('-5');
    expect(csv.escapeCell(12.5)).toBe('12.5');
    expect(csv.escapeCell(Number.NaN)).toBe('');
    expect(csv.escapeCell(true)).toBe('true');
    expect(csv.escapeCell(null)).toBe('');
    expect(csv.escapeCell(undefined)).toBe('');
  });

  it('has the same columns as the admin page sends headers for', () => {
    expect(JSON.parse(JSON.stringify(csv.columns))).toEqual(exportColumns);
  });

  it('builds a users file with a BOM, a header row and CRLF records, in words with codes for machines (X1)', () => {
    const file = csv.toCsv('users', headers('users'), [
      {
        accountId: 'acc-1',
        name: '=cmd|"/c calc"',
        email: 'a@example.com',
        accountType: 'atlassian',
        accountStatus: 'inactive',
        membershipStatus: 'active',
        managed: true,
        billable: false,
        protected: false,
        addedToOrgAt: '2024-01-10T09:00:00.000Z',
        lastActiveAt: null,
        inactivity: 'never-active',
        inactiveDays: 45,
        products: [
          { productKey: 'jira-software', productName: 'Jira', lastActiveAt: null, inactivity: 'never-active' },
          { productKey: 'confluence', productName: null, lastActiveAt: '2025-01-01T00:00:00.000Z', inactivity: 'overdue' },
        ],
        groups: [{ id: 'g1', name: 'devs, core' }, { id: 'g2', name: 'all' }],
        adminUrl: 'https://admin.atlassian.com/o/org-1/users/acc-1',
      },
    ], words);
    expect(file.startsWith('\uFEFFACCOUNTID,NAME,EMAIL,')).toBe(true);
    const [, record, rest] = file.split('\r\n');
    expect(rest).toBe('');
    expect(record).toBe(
      [
        'acc-1', `"'=cmd|""/c calc"""`, 'a@example.com', 'Atlassian account', 'Deactivated', 'Member', 'Yes', 'No', 'No',
        '2024-01-10T09:00:00.000Z', '', 'Never active', '45',
        'Jira: - (Never active); confluence: 2025-01-01T00:00:00.000Z (Overdue)', '"devs, core; all"',
        'https://admin.atlassian.com/o/org-1/users/acc-1', 'inactive', 'active', 'never-active',
      ].join(','),
    );
  });

  it('writes the words the page translated for the viewer', () => {
    const german = { ...words, locale: 'de-DE', yes: 'Ja', values: { ...words.values, accountStatus: { ...words.values.accountStatus, active: 'Aktiv' } } };
    const row = { accountId: 'a', name: 'N', accountStatus: 'active', membershipStatus: 'active', managed: true, products: [], groups: [] };
    const record = csv.toCsv('users', headers('users'), [row], german).split('\r\n')[1]!.split(',');
    expect([record[4], record[6], record[16]]).toEqual(['Aktiv', 'Ja', 'active']);
  });

  it('builds customers with their organizations (X2) and audit entries in sentences (X3)', () => {
    const customers = csv.toCsv('customers', headers('customers'), [
      { serviceDeskId: '7', serviceDeskName: 'Client support', accountId: 'c-1', person: null, organizations: [{ id: 'o1', name: null }, { id: 'o2', name: 'Client Ltd' }] },
    ], words);
    expect(customers.split('\r\n')[1]).toBe('Client support,7,c-1,,,,o1; Client Ltd,');
    const sync = {
      key: 'auditDetails.sync.partially-failed',
      params: {
        what: { kind: 'phrases', value: [{ key: 'auditDetails.dataTypes.users', params: {} }, { key: 'auditDetails.dataTypes.groups', params: {} }] },
        duration: { kind: 'duration', value: 72428 },
        counts: { kind: 'phrases', value: [{ key: 'auditDetails.counts.users', params: { count: { kind: 'number', value: 2000 } } }] },
        count: { kind: 'number', value: 1 },
      },
    };
    const audit = csv.toCsv('audit', headers('audit'), [
      {
        id: 'a1', at: '2026-01-30T10:00:00.000Z', actor: { kind: 'task', taskId: 't-1', name: 'Clean up Jira' }, action: 'user.deactivate', actionKey: 'x',
        targetAccountId: 'acc-1', targetName: null, targetEmail: null, outcome: 'failed', reason: 'RATE_LIMITED', reasonKey: 'errors.RATE_LIMITED',
        details: { method: 'lifecycle-disable', attempt: 2 }, summary: { key: 'auditDetails.failed.lifecycle-disable', params: {} }, jobId: null,
      },
      {
        id: 'a2', at: '2026-01-30T10:00:00.000Z', actor: { kind: 'system' }, action: 'sync.run', actionKey: 'x', targetAccountId: null,
        targetName: null, targetEmail: null, outcome: 'succeeded', reason: null, reasonKey: null, details: {}, summary: sync, jobId: 'j-1',
      },
      ...[{ kind: 'caller', callerId: 'c-1', name: 'Okta offboarding' }, { kind: 'caller', callerId: 'c-2', name: null }].map((actor, i) => ({
        id: `c${String(i)}`, at: '2026-01-30T10:00:00.000Z', actor, action: 'user.deactivate', actionKey: 'x', targetAccountId: 'acc-2',
        targetName: null, targetEmail: null, outcome: 'succeeded', reason: null, reasonKey: null, details: {}, summary: null, jobId: 'j-2',
      })),
    ], words);
    const [, failed, synced, byCaller, byGoneCaller] = audit.split('\r\n');
    expect(byCaller?.split(',')[1]).toBe('Caller Okta offboarding');
    expect(byGoneCaller?.split(',')[1]).toBe('A caller of the web trigger');
    expect(failed).toBe(
      "2026-01-30T10:00:00.000Z,Automated task “Clean up Jira”,Deactivate user,acc-1,,,Failed,Atlassian's rate limit was reached. Try again later.," +
        'Could not deactivate the account,,user.deactivate,failed,RATE_LIMITED,"{""method"":""lifecycle-disable"",""attempt"":2}"',
    );
    expect(synced).toBe(
      '2026-01-30T10:00:00.000Z,The app,Sync,,,,Succeeded,,"Sync of users and groups finished in 1 min 12 sec with 1 error: 2,000 users read",j-1,sync.run,succeeded,,{}',
    );
  });
});

describe('CSV export paging (X4)', () => {
  it('follows the keyset cursor with the largest page size and reports progress', async () => {
    const seen: Record<string, unknown>[] = [];
    const progress: number[] = [];
    const invoke = (key: string, payload: Record<string, unknown>) => {
      expect(key).toBe('audit.list');
      seen.push(payload);
      const next = payload.after === null ? 'c2' : payload.after === 'c2' ? 'c3' : null;
      return Promise.resolve({ ok: true, data: { items: [{ n: seen.length }], next } });
    };
    const items = await csv.fetchAll(invoke, 'audit', { outcome: ['failed'] }, (rows) => progress.push(rows));
    expect(items).toHaveLength(3);
    expect(seen).toEqual([
      { outcome: ['failed'], limit: 1000, after: null },
      { outcome: ['failed'], limit: 1000, after: 'c2' },
      { outcome: ['failed'], limit: 1000, after: 'c3' },
    ]);
    expect(progress).toEqual([1, 2, 3]);
    expect(csv.lists.users).toEqual({ key: 'users.list', limit: 500 });
  });

  it('stops on a failed page with the resolver error code', async () => {
    const invoke = () => Promise.resolve({ ok: false, error: { code: 'RATE_LIMITED', messageKey: 'errors.RATE_LIMITED' } });
    await expect(csv.fetchAll(invoke, 'users', {}, () => undefined)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(csv.fetchAll(() => Promise.resolve(undefined), 'users', {}, () => undefined)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
