/**
 * Debian's Chromium, headless, driven by playwright-core: a fresh profile per run, no background traffic, and
 * every console error and page error of the preview kept for the test to check.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium package (npm start and scripts/setup.sh chromium install it). */
export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Messages the preview's own libraries print that say nothing about the app (Atlaskit's feature-gate client). */
const NOISE = [/feature gate/i, /Password field is not contained in a form/];

/** A browser with one page, and what the page complained about. */
export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught page errors, in order. */
  readonly problems: string[];
  close(): Promise<void>;
}

/** Playwright's wait for an action, a locator or a navigation: explicit, and generous for a busy machine. */
const WAIT_MS = 60_000;

/** Launches Chromium with a fresh user-data-dir and opens one page of this size (CSS pixels). */
export const launchBrowser = async (viewport: { width: number; height: number } = { width: 1280, height: 860 }): Promise<BrowserSession> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (bash scripts/setup.sh chromium, or npm start once)`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'ulo-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: WAIT_MS,
    args: FLAGS,
    acceptDownloads: true,
    viewport,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !NOISE.some((n) => n.test(message.text()))) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => { problems.push(`page error: ${error.message}`); });
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
};
