import { DEFAULT_KEYS } from '../../../dev/admin-api-simulator';
import type { BrowserSession } from './browser';
import type { TestPreview } from './previewHost';
import { app, openTab, press } from './ui';

/** The first steps of a journey through the page: the simulator's key checked and saved, then a sync run to its end. */
export const connectAndSync = async (host: TestPreview, browser: BrowserSession): Promise<void> => {
  const { page } = browser;
  await page.goto(host.url);
  await app(page).getByLabel('API key', { exact: true }).fill(DEFAULT_KEYS.valid);
  await press(app(page), 'Check key');
  await press(app(page), 'Save key');
  await app(page).getByRole('tab', { name: 'Settings', exact: true }).waitFor({ timeout: 30_000 });
  await openTab(page, 'Settings');
  const progress = app(page).getByRole('progressbar', { name: 'Sync progress' });
  if (!(await progress.isVisible())) await press(app(page), 'Run sync');
  await progress.waitFor({ timeout: 30_000 });
  await progress.waitFor({ state: 'hidden', timeout: 110_000 });
  await host.preview.backend.pump.idle();
};
