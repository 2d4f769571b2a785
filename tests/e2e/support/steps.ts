import type { Page } from 'playwright-core';
import { screenshot } from './screenshots';

/**
 * The steps of a journey, each an `it` of `timeoutMs`. A step that fails keeps the page as
 * test-results/e2e/failed-<prefix><name>.png, and the later steps fail at once (they build on it) instead of each
 * waiting out its time-outs.
 */
export const journeySteps = (options: { timeoutMs: number; page: () => Page; prefix: () => string }) => {
  let failedStep: string | null = null;
  return (name: string, run: () => Promise<void>): void => {
    it(name, async () => {
      if (failedStep !== null) throw new Error(`not run: the earlier step "${failedStep}" failed`);
      try {
        await run();
      } catch (error) {
        failedStep = name;
        const file = `failed-${options.prefix()}${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
        await screenshot(options.page(), file, { fullPage: true }).catch(() => undefined);
        throw error;
      }
    }, options.timeoutMs);
  };
};
