/**
 * Automated tasks in the real app in a real browser (issue 19): the admin creates a task with a one-day notice,
 * dry-runs it, runs it and sees the notice arrive at the preview's Automation receiver; moves the preview's clock a
 * day with the toolbar's "+1 day"; runs it again and sees the users changed in the directory, the run's results per
 * user and the audit entries by the task.
 */
import { startTestPreview, type TestPreview } from './support/previewHost';
import { DEFAULT_KEYS, statusOf } from '../../dev/admin-api-simulator';
import { launchBrowser, type BrowserSession } from './support/browser';
import { http } from './support/http';
import { screenshot } from './support/screenshots';
import { journeySteps } from './support/steps';
import { app, openTab, press, see, tableRows } from './support/ui';

const STEP = 180_000;
const TASK = 'Idle half a year';
jest.setTimeout(STEP);

let host: TestPreview;
let browser: BrowserSession;
/** Users the first run announced (from the payload the receiver got). */
let announced: string[] = [];
/** Every simulated user's directory status before the first run. */
let before = new Map<string, string>();

/** The users whose directory status differs from `before`. */
const changedInDirectory = (): string[] =>
  host.preview.backend.adminApi.state.org.users.filter((u) => statusOf(u) !== before.get(u.accountId)).map((u) => u.accountId);
const step = journeySteps({ timeoutMs: STEP, page: () => browser.page, prefix: () => 'tasks-' });

/** A resolver call as the page makes it, for the set-up the other journeys already cover through the page. */
const invoke = async (functionKey: string, payload: unknown): Promise<Record<string, unknown>> => {
  const answer = await http(new URL('/__preview/invoke', host.url), 'POST', { functionKey, payload });
  const body = JSON.parse(answer.text) as { value: { ok: boolean; data?: Record<string, unknown>; error?: unknown } };
  if (!body.value.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(body.value.error)}`);
  return body.value.data ?? {};
};

/** Polls `check` every half second until it holds, for at most a minute. */
const eventually = async (what: string, check: () => boolean | Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not true after a minute: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

/** Confirms Run now, then waits until the newest run in the history has ended and the queue is idle (webhooks sent). */
const runNow = async (runs: number): Promise<void> => {
  const { page } = browser;
  await press(app(page), 'Run now…');
  await page.getByRole('button', { name: /^Run now \(/ }).click();
  await eventually(`run ${String(runs)} ended`, async () => {
    const rows = await tableRows(page, 'Runs of this task');
    return rows.length === runs && !(rows[0]?.join(' ') ?? 'Running').includes('Running');
  });
  await host.preview.backend.pump.idle();
};

beforeAll(async () => {
  host = await startTestPreview(60);
  browser = await launchBrowser();
  const { org } = host.preview.backend.adminApi.state;
  await invoke('apiKey.save', { key: DEFAULT_KEYS.valid, orgId: org.id });
  const [rule] = host.preview.backend.automation.rules;
  if (rule === undefined) throw new Error('the preview has no Automation rule');
  await invoke('webhooks.addTarget', { trigger: 'users-to-be-changed', url: rule.url, secret: rule.secret });
  await invoke('sync.start', { dataTypes: ['users', 'last-active', 'groups', 'group-memberships'] });
  const deadline = Date.now() + 120_000;
  while ((await invoke('sync.status', {})).status === 'running' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  await host.preview.backend.pump.idle();
}, STEP);

afterAll(async () => {
  await browser.close();
  await host.stop();
}, STEP);

describe('an automated task with a one-day notice, watched in the local preview', () => {
  step('creates the task: inactive for 180 days, deactivate, one day\'s notice', async () => {
    const { page } = browser;
    await page.goto(host.url);
    await openTab(page, 'Automated tasks');
    await press(app(page), 'Create task');
    await app(page).getByLabel('Name', { exact: true }).fill(TASK);
    await app(page).getByLabel('Inactive for at least (days)', { exact: true }).fill('180');
    await app(page).getByLabel('Notice period (days)', { exact: true }).fill('1');
    await press(app(page), 'Create task');
    await see(page, `Task ${TASK} saved`);
    await screenshot(page, 'tasks-01-created', { forDocs: 'tasks-editor' });
  });

  step('dry-runs it: nobody would change yet, the matching users would be announced', async () => {
    const { page } = browser;
    await press(app(page), 'Dry run');
    await see(page, 'Dry run: who would be changed now');
    await see(page, /users? would be announced as to be changed \(notice period\)/);
    await screenshot(page, 'tasks-02-dry-run', { fullPage: true, forDocs: 'tasks-dry-run' });
  });

  step('runs it: the users are announced to the Automation receiver (users-to-be-changed), nobody is changed', async () => {
    const { page } = browser;
    before = new Map(host.preview.backend.adminApi.state.org.users.map((u) => [u.accountId, statusOf(u)]));
    await runNow(1);
    const noticeOf = () => host.preview.backend.automation.received.find((r) => (r.body as { trigger?: string }).trigger === 'users-to-be-changed');
    await eventually('the notice reached the receiver', () => noticeOf() !== undefined);
    const notice = noticeOf();
    announced = ((notice?.body as { users: { accountId: string }[] }).users).map((u) => u.accountId);
    expect(announced.length).toBeGreaterThan(0);
    expect(changedInDirectory()).toEqual([]);
    const panel = page.getByTestId('automation-panel');
    await panel.getByRole('button', { name: /Automation webhooks received/ }).click();
    await panel.getByTestId('automation-received').filter({ hasText: 'users-to-be-changed' }).first().waitFor({ timeout: 30_000 });
    await see(page, `${String(announced.length)} announced`);
    await screenshot(page, 'tasks-03-announced', { fullPage: true });
  });

  step('+1 day in the toolbar: the preview\'s date moves a day', async () => {
    const { page } = browser;
    await page.getByTestId('preview-toolbar').getByRole('button', { name: '+1 day' }).click();
    await page.getByTestId('preview-date').filter({ hasText: '(+1 day)' }).waitFor();
  });

  step('runs it again: the announced users are changed; the run\'s results per user and the audit entries by the task', async () => {
    const { page } = browser;
    await runNow(2);
    expect(changedInDirectory().sort()).toEqual([...announced].sort());
    await see(page, `${String(announced.length)} changed, 0 failed`);
    await screenshot(page, 'tasks-04-changed', { fullPage: true, forDocs: 'tasks-run' });

    const history = await tableRows(page, 'Runs of this task');
    expect(history).toHaveLength(2);
    expect(history[0]?.join(' ')).toContain('Succeeded');
    await app(page).getByRole('table', { name: 'Runs of this task', exact: true }).getByRole('button', { name: 'Open' }).first().click();
    const results = await tableRows(page, 'Results per user');
    expect(results).toHaveLength(announced.length);
    await screenshot(page, 'tasks-05-run-detail', { fullPage: true });

    await openTab(page, 'Audit log');
    const rows = await tableRows(page, 'Audit entries');
    const changedByTask = rows.filter((r) => r.join(' ').includes('Automated task') && /Deactivate|Suspend/.test(r.join(' ')));
    expect(changedByTask.length).toBe(announced.length);
    await screenshot(page, 'tasks-06-audit', { fullPage: true });
  });
});
