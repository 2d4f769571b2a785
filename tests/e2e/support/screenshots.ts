/**
 * Screenshots of each screen the journey passes: always into test-results/e2e/ (a test artefact, gitignored);
 * with ULO_UPDATE_SCREENSHOTS=1 the ones the README shows are also copied to docs/screenshots/.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../../..');
/** Where every screenshot of a run goes. */
export const ARTEFACTS = join(ROOT, 'test-results', 'e2e');
const DOCS = join(ROOT, 'docs', 'screenshots');

/** Takes `name`.png of the viewport (or the full page); `forDocs` names the README copy. */
export const screenshot = async (page: Page, name: string, options: { fullPage?: boolean; forDocs?: string } = {}): Promise<string> => {
  await mkdir(ARTEFACTS, { recursive: true });
  const file = join(ARTEFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide' });
  if (options.forDocs !== undefined && process.env.ULO_UPDATE_SCREENSHOTS === '1') {
    await mkdir(DOCS, { recursive: true });
    await copyFile(file, join(DOCS, `${options.forDocs}.png`));
  }
  return file;
};
