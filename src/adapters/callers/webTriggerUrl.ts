import { webTrigger } from '@forge/api';

/** The manifest's `webtrigger` module that callers call (S10). */
export const CALLERS_WEBTRIGGER_KEY = 'ulo-callers';

/** The installation's URL of the callers' web trigger; stable for the module, site and environment. */
export const callersWebTriggerUrl = (): Promise<string> => webTrigger.getUrl(CALLERS_WEBTRIGGER_KEY);
