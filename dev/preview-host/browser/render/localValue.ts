/**
 * Controlled inputs across the bridge: the app's new `value` arrives with the next reconcile, a moment after the
 * keystroke. React DOM would put the old value back in between (losing typed characters), so each input keeps
 * what the user typed and follows the app's value whenever the app changes it.
 */
import { useRef, useState } from 'react';

/** The input's value: the user's latest edit, replaced by the app's value whenever that changes. */
export const useLocalValue = <T>(fromApp: T): [T, (next: T) => void] => {
  const [local, setLocal] = useState<T>(fromApp);
  const lastFromApp = useRef<T>(fromApp);
  let current = local;
  if (!Object.is(lastFromApp.current, fromApp)) {
    lastFromApp.current = fromApp;
    current = fromApp;
    if (!Object.is(local, fromApp)) setLocal(fromApp);
  }
  return [current, setLocal];
};
