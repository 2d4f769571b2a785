/**
 * The host page's state outside React: the latest forgeDoc (the reconciler mutates one tree in place, so a version
 * number tells React to draw it again), errors the app reported, and flags it asked to show.
 */
import type { ForgeDoc } from './forgeDoc';

/** A message shown in the host's error bar or as a flag. */
export interface Notice {
  id: number;
  title: string;
  detail: string;
}

const listeners = new Set<() => void>();
let version = 0;
let doc: ForgeDoc | null = null;
let errors: Notice[] = [];
let flags: Notice[] = [];
let nextNotice = 1;

const changed = (): void => {
  version++;
  for (const listener of listeners) listener();
};

const describe = (detail: unknown): string => {
  if (detail instanceof Error) return detail.stack ?? detail.message;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail);
  } catch {
    return String(detail);
  }
};

/** For useSyncExternalStore. */
export const hostStore = {
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => { listeners.delete(listener); };
  },
  version: (): number => version,
  doc: (): ForgeDoc | null => doc,
  errors: (): Notice[] => errors,
  flags: (): Notice[] => flags,
};

/** The app reconciled: draw the tree again. */
export const setDoc = (next: ForgeDoc): void => {
  doc = next;
  changed();
};

/** Shows an error in the error bar (and the console, for the test logs). */
export const reportError = (title: string, detail?: unknown): void => {
  console.error(`preview: ${title}`, detail);
  errors = [...errors.slice(-4), { id: nextNotice++, title, detail: detail === undefined ? '' : describe(detail) }];
  changed();
};

/** Shows a flag (bridge `showFlag`) for a few seconds. */
export const showFlag = (options: Record<string, unknown>): void => {
  const notice = { id: nextNotice++, title: describe(options.title ?? ''), detail: describe(options.description ?? '') };
  flags = [...flags, notice];
  changed();
  setTimeout(() => { flags = flags.filter((f) => f !== notice); changed(); }, 8000);
};

/** Empties the error bar. */
export const clearErrors = (): void => {
  errors = [];
  changed();
};
