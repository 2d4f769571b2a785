import { useCallback, useEffect, useRef, useState } from 'react';
import type { Envelope, Failure } from '../api';

export type Load<T> = { status: 'loading' } | { status: 'error'; error: Failure } | { status: 'ready'; data: T };

/**
 * Loads one resolver answer whenever `deps` change; answers to superseded requests are dropped.
 * `reload` asks again from the loading state; `refresh` asks again while still showing what was loaded.
 */
export const useLoad = <T>(load: () => Promise<Envelope<T>>, deps: readonly unknown[]): [Load<T>, () => void, () => void] => {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [tick, setTick] = useState({ n: 0, quiet: false });
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    if (!tick.quiet) setState({ status: 'loading' });
    void load().then((answer) => {
      if (request !== latest.current) return;
      setState(answer.ok ? { status: 'ready', data: answer.data } : { status: 'error', error: answer.error });
    });
  }, [...deps, tick]);
  useEffect(
    () => () => {
      latest.current = -1;
    },
    [],
  );
  const reload = useCallback(() => {
    setTick((current) => ({ n: current.n + 1, quiet: false }));
  }, []);
  const refresh = useCallback(() => {
    setTick((current) => ({ n: current.n + 1, quiet: true }));
  }, []);
  return [state, reload, refresh];
};
