/**
 * Steps an admin takes on the preview page, in the words the page shows (en-US). Locators go by role and
 * accessible name, as a person finds things, so a renamed label or a broken component fails the journey.
 */
import type { Locator, Page } from 'playwright-core';

/** The app's part of the page (below the preview toolbar). */
export const app = (page: Page): Locator => page.getByTestId('forge-app');

/** Opens one of the admin page's tabs. */
export const openTab = async (page: Page, name: string): Promise<void> => {
  const tab = app(page).getByRole('tab', { name, exact: true });
  await tab.click();
  // By exact accessible name: a text match would take "Inactive users" for "Users".
  await app(page).getByRole('tab', { name, exact: true, selected: true }).waitFor();
};

/** Clicks a button by its visible name. */
export const press = async (scope: Page | Locator, name: string | RegExp): Promise<void> => {
  await scope.getByRole('button', { name, exact: typeof name === 'string' }).click();
};

/** Picks `option` in the Atlaskit Select labelled `label`. */
export const choose = async (page: Page, label: string, option: string): Promise<void> => {
  await app(page).getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

/** Waits for text to appear in the app, by default as long as the browser's default wait (support/browser.ts). */
export const see = async (page: Page, text: string | RegExp, timeout?: number): Promise<void> => {
  await app(page).getByText(text).first().waitFor(timeout === undefined ? {} : { timeout });
};

/** Digits of a shown number ("1,234" → 1234). */
export const numberIn = (text: string): number => Number(text.replace(/[^\d]/g, ''));

/** The value of the dashboard tile labelled `label`: the heading right after the label. */
export const tileValue = async (page: Page, label: string): Promise<number> => {
  const value = app(page).locator('p', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::*[1]');
  return numberIn(await value.first().innerText());
};

/** The text of every cell, row by row, of the table with this accessible name: its caption or label (header row left out). */
export const tableRows = async (page: Page, name: string): Promise<string[][]> => {
  const table = app(page).getByRole('table', { name, exact: true }).first();
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.innerText.trim())),
  );
};

/** The action an audit row names: the first line of its cell (a job's entries have a link under it). */
export const auditAction = (cell = ''): string => cell.split('\n')[0] ?? '';

/**
 * The names of the rows of a user table, read from each row checkbox's label ("Select Ada Lovelace"): the name a
 * screen reader announces, which the page does not show.
 */
export const selectableNames = async (page: Page, name: string): Promise<string[]> => {
  const table = app(page).getByRole('table', { name, exact: true }).first();
  await table.waitFor();
  const labels = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelector<HTMLInputElement>('input[type="checkbox"]')?.labels ?? [], (label) => label.textContent).join('').trim()),
  );
  return labels.map((label) => label.replace(/^Select /, ''));
};
