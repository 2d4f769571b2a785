/**
 * Automation webhooks in the real app in a real browser (issue 18, S7): the preview host with its local Automation
 * receiver behind the runtime's egress. The admin adds the receiver's rule as a target in Settings, presses Send
 * test, and sees the payload arrive in the preview's receiver panel and the delivery in the app's delivery log.
 */
import { startTestPreview, type TestPreview } from './support/previewHost';
import { DEFAULT_KEYS } from '../../dev/admin-api-simulator';
import { launchBrowser, type BrowserSession } from './support/browser';
import { http } from './support/http';
import { screenshot } from './support/screenshots';
import { app, choose, openTab, press, see, tableRows } from './support/ui';

const STEP = 120_000;
const LOG = 'Automation webhook deliveries, newest first';
jest.setTimeout(STEP);

let host: TestPreview;
let browser: BrowserSession;

beforeAll(async () => {
  jest.resetModules();
  host = await startTestPreview(40);
  browser = await launchBrowser();
  const org = host.preview.backend.adminApi.state.org;
  const saved = await http(new URL('/__preview/invoke', host.url), 'POST', { functionKey: 'apiKey.save', payload: { key: DEFAULT_KEYS.valid, orgId: org.id } });
  expect(saved.text).toContain('"ok":true');
}, STEP);

afterAll(async () => {
  await browser.close();
  await host.stop();
}, STEP);

describe('Automation webhooks in the local preview', () => {
  it('adds the receiver\'s rule as a target, sends a test, and sees it received and logged as delivered', async () => {
    const { page } = browser;
    const [rule] = host.preview.backend.automation.rules;
    if (rule === undefined) throw new Error('the preview has no Automation rule');
    await page.goto(host.url);
    await openTab(page, 'Settings');
    await see(page, 'Automation webhooks', 60_000);
    await choose(page, 'Trigger', 'Automated task failed');
    await app(page).getByLabel('Incoming webhook URL', { exact: true }).fill(rule.url);
    await app(page).getByLabel('Secret', { exact: true }).fill(rule.secret);
    await press(app(page), 'Add target');
    await see(page, rule.url);
    await see(page, `Secret ending in ${rule.secret.slice(-4)}`);
    expect(await app(page).innerText()).not.toContain(rule.secret);

    await press(app(page), 'Send test');
    await see(page, 'Test for "Automated task failed" queued');

    const panel = page.getByTestId('automation-panel');
    await panel.getByRole('button', { name: /Automation webhooks received/ }).click();
    const received = panel.getByTestId('automation-received');
    await received.first().waitFor({ timeout: 30_000 });
    expect(await received.count()).toBe(1);
    expect(await received.first().innerText()).toContain('task-failed');
    expect(await received.first().innerText()).toContain('200');
    const payload = host.preview.backend.automation.received[0]?.body as Record<string, unknown>;
    expect(payload).toMatchObject({ trigger: 'task-failed', test: true, schemaVersion: 1 });

    const readLog = async (): Promise<string[][]> => {
      await press(app(page), 'Refresh');
      return tableRows(page, LOG);
    };
    const deadline = Date.now() + 30_000;
    let rows = await readLog();
    while (!(rows[0]?.join(' ') ?? '').includes('Delivered') && Date.now() < deadline) rows = await readLog();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[1]).toBe('Automated task failed (test)');
    expect(rows[0]?.join(' ')).toContain('Delivered');
    expect(rows[0]?.[4]).toBe('1');
    expect(rows[0]?.[5]).toBe('200');
    await app(page).getByRole('table', { name: LOG, exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'webhooks-delivery-log', { fullPage: true });
  });
});
