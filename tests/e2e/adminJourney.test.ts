/**
 * The admin's journey through the real app in a real browser (issue 7): the preview host `npm start` runs (real
 * handlers on the local Forge runtime, MariaDB, the Admin API and Jira simulators), driven by Chromium. Each step
 * builds on the one before; a screenshot of every screen goes to test-results/e2e/. The journey runs twice, each
 * time on a fresh preview: in a wide window, and at 1,024 × 768, Jira's admin content width, where every list
 * must fit without a column cut off (U6).
 */
import { startTestPreview, type TestPreview } from './support/previewHost';
import { readFile } from 'node:fs/promises';
import { DEFAULT_KEYS } from '../../dev/admin-api-simulator';
import enUS from '../../locales/en-US.json';
import { exportColumns } from '../../src/ui/screens/export/protocol';
import { launchBrowser, type BrowserSession } from './support/browser';
import { expectedDashboard, simUserNamed } from './support/expected';
import { http, type HttpAnswer } from './support/http';
import { screenshot } from './support/screenshots';
import { journeySteps } from './support/steps';
import { expectTableFits, onScreen, showListTop, type Viewport } from './support/layout';
import { app, auditAction, choose, numberIn, openTab, press, see, selectableNames, tableRows, tileValue } from './support/ui';

const USERS = 240;
const STEP = 120_000;
const VIEWPORTS: Viewport[] = [
  { width: 1280, height: 860, forDocs: false },
  { width: 1024, height: 768, forDocs: true },
];
// Also for the tests outside the journey: the first `invoke` loads and compiles the whole app.
jest.setTimeout(STEP);

let host: TestPreview;
let browser: BrowserSession;
/** The users the journey deactivates, and how many matched the overdue filter. */
const chosen: string[] = [];
let overdue = 0;


const post = async (path: string, body: unknown): Promise<{ status: number; json: unknown }> => {
  const answer = await http(new URL(path, host.url), 'POST', body);
  return { status: answer.status, json: JSON.parse(answer.text) as unknown };
};
const get = (path: string): Promise<HttpAnswer> => http(new URL(path, host.url));

/** Checks of the preview host itself, before the journey saves a key. */
const previewHostChecks = (): void => {
  describe('the preview host', () => {
    it('answers invoke with the real resolver, as Forge calls it, for the preview user', async () => {
      expect(await post('/__preview/invoke', { functionKey: 'app.bootstrap', payload: {} })).toEqual({
        status: 200,
        json: { ok: true, value: { ok: true, data: { grant: { level: 'bootstrap' }, apiKeyConfigured: false } } },
      });
      expect(await post('/__preview/invoke', { functionKey: 'no.such.resolver', payload: {} })).toMatchObject({ status: 500, json: { ok: false } });
    });

    it('gives the page the product context of a Jira admin page', async () => {
      const context = JSON.parse((await get('/__preview/context')).text) as Record<string, unknown>;
      const { identity } = host.preview.backend;
      expect(context).toMatchObject({
        accountId: identity.accountId, cloudId: identity.cloudId, siteUrl: identity.siteUrl, locale: 'en-US',
        moduleKey: 'ulo-admin-page', extension: { type: 'jira:adminPage' },
      });
    });

    it('serves Frame resources with the frame bridge first, and nothing outside them', async () => {
      const html = (await get('/__preview/resources/csv-export/index.html')).text;
      expect(html.indexOf('/__preview/web/frame-bridge.js')).toBeGreaterThan(-1);
      expect(html.indexOf('/__preview/web/frame-bridge.js')).toBeLessThan(html.indexOf('<script src="./'));
      expect((await get('/__preview/resources/csv-export/..%2F..%2Fpackage.json')).status).toBe(404);
      expect((await get('/__preview/resources/unknown/index.html')).status).toBe(404);
    });
  });
};

/** The journey at one viewport, on a fresh preview (see the describe.each at the end). */
const journey = (viewport: Viewport): void => {
  // Each pass has steps of its own: a failure at one width does not stop the other.
  const step = journeySteps({ timeoutMs: STEP, page: () => browser.page, prefix: () => `${String(viewport.width)}-` });
  describe('an org admin in the local preview', () => {
    /** A screenshot of this pass: the wide pass's keep their names, the others get the width appended. */
    const shot = (name: string, options: { fullPage?: boolean; forDocs?: string } = {}): Promise<string> =>
      screenshot(browser.page, viewport === VIEWPORTS[0] ? name : `${name}-${String(viewport.width)}`, {
        ...(options.fullPage === undefined ? {} : { fullPage: options.fullPage }),
        ...(options.forDocs === undefined || !viewport.forDocs ? {} : { forDocs: options.forDocs }),
      });

    step('first run: only Settings, asking for the organization API key', async () => {
      const { page } = browser;
      await page.goto(host.url);
      await see(page, 'Connect your organization');
      await app(page).getByLabel('API key', { exact: true }).waitFor();
      expect(await app(page).getByRole('tab').count()).toBe(0);
      await shot('01-first-run', { forDocs: 'first-run' });
    });

    step('enters the simulator\'s API key: checked live, org found, saved; all tabs open up', async () => {
      const { page } = browser;
      const org = host.preview.backend.adminApi.state.org;
      await app(page).getByLabel('API key', { exact: true }).fill(DEFAULT_KEYS.valid);
      await press(app(page), 'Check key');
      await see(page, `Organization: ${org.name}`);
      await shot('02-api-key-checked');
      await press(app(page), 'Save key');
      const dashboardTab = app(page).getByRole('tab', { name: 'Dashboard', exact: true });
      const problem = app(page).getByText('Something needs your attention');
      await dashboardTab.or(problem).first().waitFor({ timeout: 30_000 });
      if (!(await dashboardTab.isVisible())) throw new Error(`After saving the key the page shows: ${await app(page).innerText()}`);
      expect(await app(page).getByRole('tab').allInnerTexts()).toEqual(['Dashboard', 'Users', 'Inactive users', 'Automated tasks', 'Audit log', 'Jobs', 'Settings']);
    });

    step('runs a sync from Settings and sees its progress until it finishes', async () => {
      const { page } = browser;
      await openTab(page, 'Settings');
      const progress = app(page).getByRole('progressbar', { name: 'Sync progress' });
      if (!(await progress.isVisible())) {
        // The first sync also reads what the Jira site knows: project role members and JSM customers (U2, U3).
        for (const type of ['Project users', 'JSM customers']) await app(page).getByLabel(type, { exact: true }).check();
        await press(app(page), 'Run sync');
      }
      await progress.waitFor({ timeout: 30_000 });
      await see(page, /^Step: /);
      await progress.scrollIntoViewIfNeeded();
      await shot('03-sync-progress', { forDocs: 'sync-progress' });
      await progress.waitFor({ state: 'hidden', timeout: 110_000 });
      // Both the progress and the daily sync's "Last sync" show the run that just ended.
      await app(page).getByText('Succeeded', { exact: true }).first().waitFor();
      await host.preview.backend.pump.idle();
    });

    step('dashboard: users, billable users, access and seats per product equal the simulator\'s', async () => {
      const { page } = browser;
      const expected = expectedDashboard(host.preview.backend.adminApi.state);
      await openTab(page, 'Dashboard');
      await see(page, /^Data as of /);
      expect(await tileValue(page, 'Users')).toBe(expected.users);
      expect(await tileValue(page, 'Billable users')).toBe(expected.billable);
      const states = await Promise.all(['Active', 'Warning', 'Overdue', 'Never active', 'New', 'Unknown'].map((s) => tileValue(page, s)));
      expect(states.reduce((a, b) => a + b, 0)).toBe(expected.users);
      overdue = states[2] ?? 0;
      expect(await app(page).getByText('Products', { exact: true }).count()).toBe(1);
      const rows = await tableRows(page, 'Products');
      const shown = rows.map(([product = '', users = '', , , , seats = '']) => ({ product, users: numberIn(users), seats }));
      expect(shown.map((r) => r.product).sort()).toEqual(expected.products.map((p) => p.name).sort());
      for (const p of expected.products) {
        const row = shown.find((r) => r.product === p.name);
        expect(row).toBeDefined();
        expect(row?.users).toBe(p.usersWithAccess);
        expect(row?.seats).toContain(`${p.seatsUsed.toLocaleString('en-US')} of ${p.capacity?.toLocaleString('en-US') ?? '?'} seats`);
      }
      await shot('04-dashboard', { forDocs: 'dashboard' });
    });

    step('users: 25 a page with the total, one compact row per user, the table fits the page', async () => {
      const { page } = browser;
      await openTab(page, 'Users');
      await see(page, `${USERS.toLocaleString('en-US')} users match`);
      await see(page, `Rows 1–25 of ${USERS.toLocaleString('en-US')}`);
      expect(await tableRows(page, 'Organization users')).toHaveLength(25);
      await expectTableFits(page, 'Organization users');
      await showListTop(page);
      await shot('04b-users', { forDocs: 'users' });
    });

    step('project users and JSM customers: synced from the site, named, 25 a page, the tables fit', async () => {
      const { page } = browser;
      await openTab(page, 'Users');
      await app(page).getByRole('tab', { name: 'Project users', exact: true }).click();
      const projectRows = await tableRows(page, 'Project users');
      expect(projectRows.length).toBeGreaterThan(0);
      expect(projectRows.length).toBeLessThanOrEqual(25);
      await expectTableFits(page, 'Project users');
      await shot('04c-project-users', { forDocs: 'project-users' });
      await app(page).getByRole('tab', { name: 'JSM customers', exact: true }).click();
      const customerRows = await tableRows(page, 'JSM customers');
      expect(customerRows.length).toBeGreaterThan(0);
      expect(customerRows.length).toBeLessThanOrEqual(25);
      // Service desks by name, never by their id (issue 17).
      for (const [desk = ''] of customerRows) expect(desk).not.toMatch(/^\d+$/);
      await expectTableFits(page, 'JSM customers');
      await shot('04d-jsm-customers', { forDocs: 'jsm-customers' });
    });

    step('inactive users: filtered to overdue, as many as the dashboard counted', async () => {
      const { page } = browser;
      await openTab(page, 'Inactive users');
      await choose(page, 'Inactivity state', 'Overdue');
      await see(page, `${overdue.toLocaleString('en-US')} users match`);
      await expectTableFits(page, 'Organization users');
      await showListTop(page);
      await shot('05-inactive-overdue', { forDocs: 'inactive-users' });
    });

    step('bulk deactivate: select three, review the plan, confirm; results per user', async () => {
      const { page } = browser;
      const state = host.preview.backend.adminApi.state;
      const names = (await selectableNames(page, 'Organization users')).filter((name) => {
        const u = state.org.users.find((x) => x.name === name);
        return u !== undefined && u.claimStatus === 'managed' && u.managementSource !== 'synced' && u.accountStatus === 'active';
      });
      chosen.push(...names.slice(0, 3));
      expect(chosen).toHaveLength(3);
      for (const name of chosen) await app(page).getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
      await see(page, '3 users selected');
      await choose(page, 'Action', 'Deactivate');
      await press(app(page), 'Review plan');
      const dialog = page.getByRole('dialog');
      await dialog.getByText('3 users will change:').waitFor();
      await shot('06-bulk-plan', { forDocs: 'bulk-plan' });
      const scrolledBefore = await page.evaluate(() => window.scrollY);
      await press(dialog, 'Deactivate 3 users');
      // The outcome appears where the admin is, above the list, without scrolling; the page does not jump to the top.
      const outcome = app(page).getByText('Deactivate: finished', { exact: true });
      await outcome.waitFor({ timeout: 60_000 });
      await see(page, '3 succeeded, 0 failed, 0 skipped of 3.');
      expect(await onScreen(outcome)).toBe(true);
      if (scrolledBefore > 0) expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      await expectTableFits(page, 'Results per user');
      const results = await tableRows(page, 'Results per user');
      expect(results.map((r) => [r[0], r[1]]).sort()).toEqual(chosen.map((n) => [n, 'Succeeded']).sort());
      for (const name of chosen) expect(simUserNamed(state, name).accountStatus).toBe('inactive');
      await shot('07-bulk-results', { fullPage: false });
    });

    step('reload while a bulk job runs: the Jobs view finds it, follows it to the end, and shows its results per user', async () => {
      const { page } = browser;
      const { adminApi } = host.preview.backend;
      await press(app(page), 'Close');
      const another = (await selectableNames(page, 'Organization users')).find((name) => {
        const u = adminApi.state.org.users.find((x) => x.name === name && !chosen.includes(name));
        return u?.claimStatus === 'managed' && u.managementSource !== 'synced' && u.accountStatus === 'active';
      });
      await app(page).getByRole('checkbox', { name: `Select ${another ?? ''}`, exact: true }).check();
      await choose(page, 'Action', 'Deactivate');
      await press(app(page), 'Review plan');
      // The Admin API's answers wait until this step releases them, so the job is still running when the page comes
      // back, however long the reload takes on a busy machine (the change itself is made at once).
      const release = adminApi.holdAnswers();
      try {
        await press(page.getByRole('dialog'), 'Deactivate 1 user');
        await see(page, 'Deactivate: in progress');
        await page.reload();
        await openTab(page, 'Jobs');
        const running = await tableRows(page, 'Running and recent jobs');
        expect(running[0]?.slice(0, 2)).toEqual(['Deactivate', expect.stringMatching(/^(Queued|Running)$/) as unknown]);
        await expectTableFits(page, 'Running and recent jobs');
        await shot('07b-jobs-running', { forDocs: 'jobs-view' });
      } finally {
        release();
      }
      const table = app(page).getByRole('table', { name: 'Running and recent jobs', exact: true });
      await table.locator('tbody tr').first().getByText('Succeeded', { exact: true }).waitFor({ timeout: 60_000 });
      const admin = host.preview.backend.identity.name;
      const jobs = await tableRows(page, 'Running and recent jobs');
      expect(jobs.slice(0, 2).map((r) => r.slice(0, 4))).toEqual([
        ['Deactivate', 'Succeeded', '1 of 1 processed: 1 succeeded, 0 failed, 0 skipped', admin],
        ['Deactivate', 'Succeeded', '3 of 3 processed: 3 succeeded, 0 failed, 0 skipped', admin],
      ]);
      await table.locator('tbody tr').nth(1).getByRole('button', { name: 'Open' }).click();
      await see(page, `Started by ${admin}`);
      const results = await tableRows(page, 'Results per user');
      expect(results.map((r) => [r[0], r[1]]).sort()).toEqual(chosen.map((n) => [n, 'Succeeded']).sort());
      expect(await app(page).getByRole('button', { name: 'Retry failed users' }).count()).toBe(0);
      await expectTableFits(page, 'Results per user');
      await shot('07c-job-results');
      await choose(page, 'Outcome', 'Failed');
      await see(page, 'No users with this outcome.');
      expect(simUserNamed(adminApi.state, another ?? '').accountStatus).toBe('inactive');
    });

    step('audit log: one entry per deactivated user, by the preview admin; found by surname, and by job with a click', async () => {
      const { page } = browser;
      await openTab(page, 'Audit log');
      const rows = await tableRows(page, 'Audit entries');
      const admin = host.preview.backend.identity.name;
      for (const name of chosen) {
        expect(rows.some((r) => r[1] === admin && auditAction(r[2]) === 'Deactivate user' && r[3] === name && r[4] === 'Succeeded')).toBe(true);
      }
      await expectTableFits(page, 'Audit entries');
      await shot('08-audit-log');
      // The second word of a name, typed in lower case, then Enter (U6, A2).
      const first = chosen[0] ?? '';
      await app(page).getByLabel('Name or email', { exact: true }).fill(first.split(' ').at(-1)?.toLowerCase() ?? '');
      await app(page).getByLabel('Name or email', { exact: true }).press('Enter');
      await app(page).getByRole('table', { name: 'Audit entries', exact: true }).locator('tbody tr').first().getByText(first, { exact: true }).waitFor();
      const found = await tableRows(page, 'Audit entries');
      expect(found.some((r) => r[3] === first && auditAction(r[2]) === 'Deactivate user')).toBe(true);
      await app(page).getByLabel('Name or email', { exact: true }).fill('');
      await press(app(page), 'Apply');
      // The job of the three: every entry of it, and only those.
      const entryOfThree = app(page).getByRole('table', { name: 'Audit entries', exact: true }).locator('tbody tr').filter({ hasText: chosen[1] ?? '' }).first();
      await entryOfThree.getByRole('button', { name: 'All entries of this job' }).click();
      await see(page, /^Showing the entries of one job: Deactivate user on /);
      await app(page).getByRole('table', { name: 'Audit entries', exact: true }).locator('tbody tr').nth(3).waitFor({ state: 'detached' });
      const ofJob = await tableRows(page, 'Audit entries');
      expect(ofJob.map((r) => r[3]).sort()).toEqual([...chosen].sort());
      await expectTableFits(page, 'Audit entries');
      await shot('08b-audit-one-job', { forDocs: 'audit-log' });
    });

    step('CSV export of the overdue list downloads a real file: BOM, translated header, one row per user', async () => {
      const { page } = browser;
      await openTab(page, 'Inactive users');
      await choose(page, 'Inactivity state', 'Overdue');
      await see(page, `${overdue.toLocaleString('en-US')} users match`);
      await press(app(page), 'Export CSV');
      const frame = page.frameLocator('iframe[data-forge-frame="csv-export"]');
      const download = frame.getByRole('button', { name: 'Download CSV' });
      await download.waitFor();
      const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
      await frame.getByText(/^Ready: /).waitFor();
      await page.locator('iframe[data-forge-frame="csv-export"]').scrollIntoViewIfNeeded();
      expect(file.suggestedFilename()).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = await readFile(await file.path(), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
      const labels = enUS.export.columns.users as Record<string, string>;
      expect(lines[0]).toBe(exportColumns.users.map((k) => (/[",]/.test(labels[k] ?? '') ? `"${labels[k] ?? ''}"` : labels[k])).join(','));
      expect(lines).toHaveLength(overdue + 1);
      const first = simUserNamed(host.preview.backend.adminApi.state, chosen[0] ?? '');
      expect(lines.find((l) => l.startsWith(`${first.accountId},`))).toContain(first.email);
      await shot('09-csv-export', { forDocs: 'csv-export' });
    });

    step('settings: an invalid protected email is refused with the reason, nothing saved', async () => {
      const { page } = browser;
      await openTab(page, 'Settings');
      await app(page).getByLabel('Add entries, one per line or separated by commas', { exact: true }).fill('not-an-email');
      await press(app(page), 'Add');
      await see(page, 'No entry was added.');
      await see(page, 'not-an-email: The entry needs an @.');
      await shot('10-settings-validation');
    });

    step('the preview toolbar fires the hourly trigger (the app\'s real hourlyTick) on demand', async () => {
      const { page } = browser;
      const toolbar = page.getByTestId('preview-toolbar');
      await press(toolbar, 'Run hourly trigger');
      await toolbar.getByText(/^ulo-hourly: ran in \d+ ms$/).waitFor({ timeout: 60_000 });
      expect(browser.problems).toEqual([]);
    });

    step('a group-memberships sync from Settings leaves every other user\'s activity as it was (Y5)', async () => {
      const { page } = browser;
      const { org } = host.preview.backend.adminApi.state;
      await host.preview.backend.pump.idle();
      // The group with the most members whose activity users/search does not give: the fallback read theirs earlier.
      const hidden = (members: Set<number>): number => [...members].filter((i) => org.users[i]?.activityHidden === true).length;
      const group = [...org.groups].sort((a, b) => hidden(b.members) - hidden(a.members))[0];
      if (group === undefined || hidden(group.members) === 0) throw new Error('the org has no group with a member whose activity is hidden');
      const before = await activityOfEveryone();
      expect(before.size).toBe(USERS);
      await openTab(page, 'Settings');
      await app(page).getByLabel('All users', { exact: true }).uncheck();
      await app(page).getByLabel('User last-active dates', { exact: true }).uncheck();
      await app(page).getByLabel('Group memberships', { exact: true }).check();
      await app(page).getByLabel('Groups whose memberships to sync', { exact: true }).fill(group.name);
      await page.getByRole('option', { name: group.name, exact: true }).click();
      await press(app(page), 'Run sync');
      const finished = await latestSyncEnded();
      expect(finished).toMatchObject({ status: 'succeeded', dataTypes: ['group-memberships'], groupIds: [group.id] });
      await see(page, `${finished.processed.toLocaleString('en-US')} of about ${(finished.estimatedTotal ?? 0).toLocaleString('en-US')} items processed`);
      expect(finished.estimatedTotal).toBeLessThan(USERS);
      await app(page).getByRole('progressbar', { name: 'Sync progress' }).waitFor({ state: 'hidden' });
      await shot('11-group-memberships-sync');
      expect(await activityOfEveryone()).toEqual(before);
      expect(browser.problems).toEqual([]);
    });
  });
};

/** The data of a resolver answer, as the page's `invoke` gets it. */
const invoke = async (functionKey: string, payload: unknown): Promise<unknown> => {
  const answer = await post('/__preview/invoke', { functionKey, payload });
  const { value } = answer.json as { value: { ok: boolean; data?: unknown } };
  if (!value.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(value)}`);
  return value.data;
};

interface ActivityRow { accountId: string; lastActiveAt: string | null; inactivity: string; products: unknown[] }

/** Every synced user's activity (latest, state, per product) as users.list returns it, by account id. */
const activityOfEveryone = async (): Promise<Map<string, Omit<ActivityRow, 'accountId'>>> => {
  const rows = new Map<string, Omit<ActivityRow, 'accountId'>>();
  let after: string | null = null;
  do {
    const page = (await invoke('users.list', { limit: 500, ...(after === null ? {} : { after }) })) as { items: ActivityRow[]; next: string | null };
    for (const { accountId, lastActiveAt, inactivity, products } of page.items) rows.set(accountId, { lastActiveAt, inactivity, products });
    after = page.next;
  } while (after !== null);
  return rows;
};

interface SyncStatusRow { status: string; dataTypes: string[]; groupIds: string[]; processed: number; estimatedTotal: number | null }

/** Polls sync.status until the latest run has ended; returns it. */
const latestSyncEnded = async (): Promise<SyncStatusRow> => {
  for (let tries = 0; tries < 200; tries += 1) {
    const run = (await invoke('sync.status', {})) as SyncStatusRow | null;
    if (run !== null && run.status !== 'running' && run.status !== 'queued' && run.dataTypes.includes('group-memberships')) return run;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the group-memberships sync did not end');
};

describe.each(VIEWPORTS)('at $width × $height', (viewport) => {
  beforeAll(async () => {
    // A fresh copy of the app for each pass: it keeps per-process state (the schema it migrated) in its modules.
    jest.resetModules();
    host = await startTestPreview(USERS);
    browser = await launchBrowser(viewport);
    chosen.length = 0;
    overdue = 0;
  }, STEP);

  afterAll(async () => {
    await browser.close();
    await host.stop();
  }, STEP);

  if (viewport === VIEWPORTS[0]) previewHostChecks();
  journey(viewport);
});
