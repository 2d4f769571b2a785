/**
 * The Forge Events API between the extensions on the page (`events.emit` / `events.on` of @forge/bridge): the UI
 * Kit page and its Frames. An event reaches every other extension listening for it, never its sender, and
 * arrives as a structured clone — what crossing the real host's postMessage channel does to it.
 */

/** Who is on the page: `page` or a frame id. */
export type ExtensionId = string;

interface Listener {
  id: number;
  owner: ExtensionId;
  event: string;
  deliver: (payload: unknown) => void;
}

const listeners: Listener[] = [];
let nextId = 1;

/** Subscribes `owner` to `event`; returns the subscription id. */
export const subscribe = (owner: ExtensionId, event: string, deliver: (payload: unknown) => void): number => {
  const id = nextId++;
  listeners.push({ id, owner, event, deliver });
  return id;
};

/** Ends one subscription. */
export const unsubscribe = (id: number): void => {
  const index = listeners.findIndex((l) => l.id === id);
  if (index >= 0) listeners.splice(index, 1);
};

/** Ends every subscription of an extension (a Frame that went away). */
export const unsubscribeAll = (owner: ExtensionId): void => {
  for (let i = listeners.length - 1; i >= 0; i--) if (listeners[i]?.owner === owner) listeners.splice(i, 1);
};

/** Delivers `payload` (asynchronously, as a copy) to the other extensions listening for `event`. */
export const emit = (from: ExtensionId, event: string, payload: unknown): void => {
  for (const l of listeners.filter((x) => x.event === event && x.owner !== from)) {
    const copy: unknown = payload === undefined ? undefined : structuredClone(payload);
    queueMicrotask(() => {
      try {
        l.deliver(copy);
      } catch (error) {
        console.error(`events: a listener of ${event} failed`, error);
      }
    });
  }
};
