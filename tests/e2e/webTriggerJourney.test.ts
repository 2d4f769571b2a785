/**
 * An automation driving the app (S10), in a real browser on the local preview: the admin creates a caller in
 * Settings and copies its token (shown once); "the automation" then calls the web trigger over HTTP with it, as
 * Automation's "Send web request" would, to deactivate a user; the admin sees the job in Jobs and its entry, by
 * the caller, in the Audit log.
 */
import { startTestPreview, type TestPreview } from './support/previewHost';
import { request } from 'node:http';
import { launchBrowser, type BrowserSession } from './support/browser';
import { connectAndSync } from './support/connect';
import { screenshot } from './support/screenshots';
import { app, auditAction, openTab, press, see, tableRows } from './support/ui';

const STEP = 120_000;
jest.setTimeout(STEP);

let host: TestPreview;
let browser: BrowserSession;
let token = '';
let url = '';
let target = { name: '', email: '', accountId: '' };

/** A POST to the web trigger with a JSON body and, when given, the caller's token (global fetch is the runtime's egress hook). */
const callTrigger = (bearer: string | null, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> =>
  new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    const req = request(new URL(url), { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });

beforeAll(async () => {
  host = await startTestPreview(60);
  browser = await launchBrowser();
}, STEP);

afterAll(async () => {
  await browser.close();
  await host.stop();
}, STEP);

describe('an automation calls the app with a caller\'s token (S10)', () => {
  it('the admin connects the org and syncs it', async () => {
    await connectAndSync(host, browser);
  });

  it('creates a caller in Settings and reads its token, shown once, and the web trigger URL', async () => {
    const { page } = browser;
    await see(page, 'Incoming requests (web trigger)');
    await see(page, 'No callers yet.');
    url = (await app(page).getByText(/\/x1\/[0-9a-f-]{36}$/).first().innerText()).trim();
    expect(url.startsWith(host.url.replace(/\/$/, ''))).toBe(true);
    await app(page).getByLabel("New caller's name (for example: Offboarding rule)", { exact: true }).fill('Okta offboarding');
    await press(app(page), 'Create caller');
    await see(page, 'Caller Okta offboarding created');
    token = (await app(page).getByText(/^ulo\./).first().innerText()).trim();
    expect(token).toMatch(/^ulo\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    await app(page).getByText('Okta offboarding', { exact: true }).first().scrollIntoViewIfNeeded();
    await screenshot(page, 'webtrigger-01-caller-created');
    await press(app(page), 'I have copied the token');
    expect(await app(page).getByText(token).count()).toBe(0);
    const rows = await tableRows(page, 'Callers');
    expect(rows[0]?.slice(0, 3)).toEqual(['Okta offboarding', 'Deactivate users and Status of its own jobs', host.preview.backend.identity.name]);
    expect(rows[0]?.[4]).toBe('Never');
  });

  it('the automation deactivates a user by email: 202 with the job, and a wrong token gets 401', async () => {
    const state = host.preview.backend.adminApi.state;
    const user = state.org.users.find((u) => u.claimStatus === 'managed' && u.managementSource !== 'synced' && u.accountStatus === 'active'
      && u.accountId !== host.preview.backend.identity.accountId);
    if (user === undefined) throw new Error('no user to deactivate in the simulated org');
    target = { name: user.name, email: user.email, accountId: user.accountId };
    expect(await callTrigger(`${token}x`, { action: 'deactivate', users: [target.email] })).toEqual({ status: 401, json: { code: 'UNAUTHORIZED' } });
    const answer = await callTrigger(token, { action: 'deactivate', users: [target.email] });
    expect(answer).toMatchObject({ status: 202, json: { status: 'queued', total: 1, notFound: [] } });
    await host.preview.backend.pump.idle();
    expect(state.user(target.accountId)?.accountStatus).toBe('inactive');
    const status = await callTrigger(token, { action: 'job-status', jobId: answer.json.jobId });
    expect(status).toMatchObject({ status: 200, json: { status: 'succeeded', succeeded: 1, results: [{ accountId: target.accountId, outcome: 'succeeded' }] } });
  });

  it('the admin sees the job, started by the caller, and its audit entry', async () => {
    const { page } = browser;
    await openTab(page, 'Jobs');
    const table = app(page).getByRole('table', { name: 'Running and recent jobs', exact: true });
    await table.locator('tbody tr').first().getByText('Succeeded', { exact: true }).waitFor({ timeout: 60_000 });
    const jobs = await tableRows(page, 'Running and recent jobs');
    expect(jobs[0]?.slice(0, 4)).toEqual(['Deactivate', 'Succeeded', '1 of 1 processed: 1 succeeded, 0 failed, 0 skipped', 'Caller Okta offboarding']);
    await openTab(page, 'Audit log');
    const rows = await tableRows(page, 'Audit entries');
    expect(rows.some((r) => r[1] === 'Caller Okta offboarding' && auditAction(r[2]) === 'Deactivate user' && r[3] === target.name && r[4] === 'Succeeded')).toBe(true);
    expect(rows.some((r) => r[2] === 'Create caller' && r[1] === host.preview.backend.identity.name)).toBe(true);
    await screenshot(page, 'webtrigger-02-audit');
    expect(browser.problems).toEqual([]);
  });
});
