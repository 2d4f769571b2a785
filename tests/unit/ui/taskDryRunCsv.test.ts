import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { createI18n } from '../../../src/ui/i18n/i18n';
import { csvWords } from '../../../src/ui/screens/export/csvWords';
import { exportColumns, type CsvWords } from '../../../src/ui/screens/export/protocol';

/** resources/csv-export as the browser loads it (words.js, then csv.js). */
interface UloCsv {
  columns: Record<string, string[]>;
  lists: Record<string, { key: string; limit: number }>;
  toCsv: (kind: string, headers: Record<string, string>, items: unknown[], words: CsvWords) => string;
}
const dir = join(__dirname, '../../../resources/csv-export');
const sandbox: { UloCsv?: UloCsv; Intl: typeof Intl } = { Intl };
runInNewContext(readFileSync(join(dir, 'words.js'), 'utf8') + '\n' + readFileSync(join(dir, 'csv.js'), 'utf8'), sandbox);
const csv = sandbox.UloCsv!;
const i18n = createI18n('en-US');
const words = csvWords({ t: i18n.t.bind(i18n) }, 'en-US');
const headers = Object.fromEntries(exportColumns.taskDryRun.map((key) => [key, key]));

describe('the dry run as CSV (T2)', () => {
  it('pages tasks.dryRun and writes each user\'s decision, change and reason in words, with the codes for machines', () => {
    expect(csv.lists.taskDryRun).toEqual({ key: 'tasks.dryRun', limit: 1000 });
    const file = csv.toCsv('taskDryRun', headers, [
      { accountId: 'acc-1', name: 'Ida', email: 'ida@acme.test', decision: 'will-change', methods: ['group-remove', 'role-revoke'], reason: null, state: 'overdue', inactiveDays: 200, seatRank: 2, noticeUntil: null, noticeNow: false, groups: ['jira-users', 'devs'] },
      { accountId: 'acc-2', name: 'Vip', email: 'ceo@acme.test', decision: 'skip', methods: [], reason: 'within-notice', state: 'warning', inactiveDays: 95, seatRank: null, noticeUntil: '2026-02-01T05:00:00.000Z', groups: [] },
    ], words);
    const [head, first, second] = file.replace('\uFEFF', '').split('\r\n');
    expect(head).toBe(exportColumns.taskDryRun.join(','));
    expect(first).toBe([
      'Ida', 'ida@acme.test', 'Will change', 'remove from the group that grants access; revoke the product role', '', 'Overdue', '200', '2', '', 'jira-users; devs', 'acc-1',
      'will-change', 'group-remove; role-revoke', '', 'overdue',
    ].join(','));
    expect(second).toBe([
      'Vip', 'ceo@acme.test', 'Skipped', '', '"Within the notice period (announced, or to be announced by this run)"', 'Warning', '95', '', '2026-02-01T05:00:00.000Z', '', 'acc-2',
      'skip', '', 'within-notice', 'warning',
    ].join(','));
  });
});
