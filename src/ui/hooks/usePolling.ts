import { useEffect, useRef } from 'react';

/** Poll intervals; tests shorten them. */
export const timing = { pollMs: 2000 };

/**
 * Calls `poll` every `timing.pollMs` while `active` is true (ARCHITECTURE §2: progress is polled, never awaited).
 * A poll starts only after the previous one finished.
 */
export const usePolling = (active: boolean, poll: () => Promise<void>): void => {
  const pollRef = useRef(poll);
  pollRef.current = poll;
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = (): void => {
      timer = setTimeout(() => {
        void pollRef.current().finally(() => {
          if (!stopped) next();
        });
      }, timing.pollMs);
    };
    next();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [active]);
};
