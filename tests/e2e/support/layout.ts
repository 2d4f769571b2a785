/**
 * Layout checks on the rendered page (U6): a table is as wide as its content needs, so when its columns need more
 * than the room it has, the table overflows its container and the last columns are cut off.
 */
import type { Locator, Page } from 'playwright-core';
import { app } from './ui';

/** The viewports the journey runs at: the wide one, and Jira's 1,024 px admin content width. */
export interface Viewport {
  width: number;
  height: number;
  /** The pass whose screenshots the README shows. */
  forDocs: boolean;
}

/** Widths in CSS pixels: the table's scroll width, its container's client width, and the page's. */
export interface TableFit {
  table: number;
  container: number;
  page: number;
  viewport: number;
}

/**
 * How wide the table with this accessible name is against the element that holds it (Atlaskit's table wrapper,
 * which takes the app's width), and whether the page itself scrolls sideways.
 */
export const tableFit = async (page: Page, name: string): Promise<TableFit> => {
  const table = app(page).getByRole('table', { name, exact: true }).first();
  await table.waitFor();
  return table.evaluate((element) => {
    const container = element.parentElement;
    const root = document.scrollingElement ?? document.documentElement;
    return { table: element.scrollWidth, container: container?.clientWidth ?? 0, page: root.scrollWidth, viewport: root.clientWidth };
  });
};

/** Fails with the widths when the table does not fit its container or the page scrolls sideways. */
export const expectTableFits = async (page: Page, name: string): Promise<void> => {
  const fit = await tableFit(page, name);
  if (fit.container === 0 || fit.table > fit.container || fit.page > fit.viewport) {
    throw new Error(`The table "${name}" does not fit: ${JSON.stringify(fit)}`);
  }
};

/** Whether the element is on screen now, without scrolling. */
export const onScreen = async (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });

/** Scrolls a user list's sort and count row to the top of the window: the action bar and the first rows below it. */
export const showListTop = async (page: Page): Promise<void> => {
  await app(page).getByText(/ users? match(es)?$/).first().evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    // The count sits at the foot of its row, beside the sort and page-size fields: show the whole row.
    window.scrollBy(0, -80);
  });
};
