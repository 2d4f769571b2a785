import { JiraSimulator, jiraProductHandler, type JiraSimulatorOptions } from '../../../../dev/jira-simulator';
import { JiraSiteDirectory, type SiteDirectoryOptions } from '../../../../src/adapters/jira/siteDirectory';
import type { ForgeRuntimeHandle } from '../../../support/forgeRuntime';

/** A page function of the SiteDirectory port. */
type PageFn<T> = (cursor: string | null) => Promise<{ items: T[]; next: string | null }>;

/** Reads every page; returns the items, the pages and the cursors seen. */
export const walkAll = async <T>(page: PageFn<T>, maxPages = 10_000): Promise<{ items: T[]; pages: number; cursors: string[] }> => {
  const items: T[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const result = await page(cursor);
    items.push(...result.items);
    pages += 1;
    cursor = result.next;
    if (cursor !== null) cursors.push(cursor);
  } while (cursor !== null && pages < maxPages);
  return { items, pages, cursors };
};

/** Stable order for comparing item lists as multisets. */
export const sortedJson = (items: readonly unknown[]): string[] => items.map((i) => JSON.stringify(i)).sort();

/** Customer items merged per (desk, account) with the union of their organizations, as a consumer stores them. */
export const mergeCustomers = (
  items: readonly { serviceDeskId: string; serviceDeskName: string; accountId: string; organizationIds: string[] }[],
): { serviceDeskId: string; serviceDeskName: string; accountId: string; organizationIds: string[] }[] => {
  const merged = new Map<string, { serviceDeskId: string; serviceDeskName: string; accountId: string; organizationIds: Set<string> }>();
  for (const item of items) {
    const key = `${item.serviceDeskId}|${item.accountId}`;
    const { serviceDeskId, serviceDeskName, accountId } = item;
    const entry = merged.get(key) ?? { serviceDeskId, serviceDeskName, accountId, organizationIds: new Set<string>() };
    for (const id of item.organizationIds) entry.organizationIds.add(id);
    merged.set(key, entry);
  }
  return [...merged.values()].map((e) => ({ ...e, organizationIds: [...e.organizationIds].sort((a, b) => Number(a) - Number(b)) }));
};

/** A simulator plugged into the runtime on its clock, and an adapter that sleeps by advancing that clock. */
export const connect = (
  rt: ForgeRuntimeHandle,
  simOptions: JiraSimulatorOptions,
  adapterOptions: SiteDirectoryOptions = {},
): { sim: JiraSimulator; directory: JiraSiteDirectory; sleeps: number[] } => {
  const sim = new JiraSimulator({ now: () => rt.runtime.clock.now(), ...simOptions });
  rt.setProductHandler(jiraProductHandler(sim));
  const sleeps: number[] = [];
  const directory = new JiraSiteDirectory({
    clock: { now: () => new Date(rt.runtime.clock.now()) },
    sleep: (ms) => {
      sleeps.push(ms);
      rt.runtime.clock.advance(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...adapterOptions,
  });
  return { sim, directory, sleeps };
};
