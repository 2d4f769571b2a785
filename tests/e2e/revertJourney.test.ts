/**
 * Revert (B5) in a real browser on the local preview: the admin deactivates five users, then opens the job in the
 * Jobs view, reviews the revert's plan and reverts it; all five are active again in the simulated directory, and
 * the audit log shows both jobs.
 */
import { startTestPreview, type TestPreview } from './support/previewHost';
import { launchBrowser, type BrowserSession } from './support/browser';
import { connectAndSync } from './support/connect';
import { simUserNamed } from './support/expected';
import { screenshot } from './support/screenshots';
import { app, auditAction, choose, openTab, press, see, selectableNames, tableRows } from './support/ui';

const STEP = 120_000;
jest.setTimeout(STEP);

let host: TestPreview;
let browser: BrowserSession;
const chosen: string[] = [];

beforeAll(async () => {
  host = await startTestPreview(60);
  browser = await launchBrowser();
}, STEP);

afterAll(async () => {
  await browser.close();
  await host.stop();
}, STEP);

describe('revert a bulk deactivation in one step (B5)', () => {
  it('the admin connects the org and syncs it', async () => {
    await connectAndSync(host, browser);
  });

  it('bulk-deactivates five users', async () => {
    const { page } = browser;
    const state = host.preview.backend.adminApi.state;
    await openTab(page, 'Users');
    const names = (await selectableNames(page, 'Organization users')).filter((name) => {
      const u = state.org.users.find((x) => x.name === name);
      return u !== undefined && u.claimStatus === 'managed' && u.managementSource !== 'synced' && u.accountStatus === 'active' && u.accountId !== host.preview.backend.identity.accountId;
    });
    chosen.push(...names.slice(0, 5));
    expect(chosen).toHaveLength(5);
    for (const name of chosen) await app(page).getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
    await see(page, '5 users selected');
    await choose(page, 'Action', 'Deactivate');
    await press(app(page), 'Review plan');
    await press(page.getByRole('dialog'), 'Deactivate 5 users');
    await app(page).getByText('Deactivate: finished', { exact: true }).waitFor({ timeout: 60_000 });
    for (const name of chosen) expect(simUserNamed(state, name).accountStatus).toBe('inactive');
  });

  it('reverts the job from the Jobs view: the plan names the five, and all five are active again', async () => {
    const { page } = browser;
    const state = host.preview.backend.adminApi.state;
    await openTab(page, 'Jobs');
    const table = app(page).getByRole('table', { name: 'Running and recent jobs', exact: true });
    await table.locator('tbody tr').first().getByText('Succeeded', { exact: true }).waitFor({ timeout: 60_000 });
    await table.locator('tbody tr').first().getByRole('button', { name: 'Open' }).click();
    await press(app(page), 'Revert');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('5 users will be restored:').waitFor();
    const planned = await dialog.getByRole('table', { name: 'Users in this plan', exact: true }).locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.innerText.trim())),
    );
    expect(planned.map((r) => r.slice(0, 3)).sort()).toEqual(chosen.map((n) => [n, 'Will be restored', 'reactivate the managed account']).sort());
    await screenshot(page, 'revert-01-plan');
    await press(dialog, 'Revert');
    await app(page).getByText('Reactivate: finished', { exact: true }).waitFor({ timeout: 60_000 });
    await see(page, '5 succeeded, 0 failed, 0 skipped of 5.');
    const results = await tableRows(page, 'Results per user');
    expect(results.map((r) => [r[0], r[1]]).sort()).toEqual(chosen.map((n) => [n, 'Succeeded']).sort());
    for (const name of chosen) expect(simUserNamed(state, name).accountStatus).toBe('active');
    await screenshot(page, 'revert-02-results');
    await press(app(page), 'Back to all jobs');
    const jobs = await tableRows(page, 'Running and recent jobs');
    expect(jobs.slice(0, 2).map((r) => r.slice(0, 2))).toEqual([['Revert: Reactivate', 'Succeeded'], ['Deactivate', 'Succeeded']]);
    await table.locator('tbody tr').nth(1).getByRole('button', { name: 'Open' }).click();
    await see(page, new RegExp(`^Reverted by ${host.preview.backend.identity.name} on .* \\(Succeeded\\)\\.$`));
  });

  it('the audit log shows both jobs: a deactivation and a reactivation of each of the five', async () => {
    const { page } = browser;
    await openTab(page, 'Audit log');
    const rows = await tableRows(page, 'Audit entries');
    for (const name of chosen) {
      expect(rows.filter((r) => r[3] === name && r[4] === 'Succeeded').map((r) => auditAction(r[2]))).toEqual(['Reactivate user', 'Deactivate user']);
    }
    await screenshot(page, 'revert-03-audit');
    expect(browser.problems).toEqual([]);
  });
});
