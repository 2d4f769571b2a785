/**
 * How the host hands DOM events to the app's handlers. UI Kit never gives an app a live DOM event: inputs get a
 * `SerialisableEvent` (@atlaskit/forge-react-types), e.g. `{type: 'change', target: {value, checked, name, id}}`.
 */

/** The event shape UI Kit passes to onChange / onBlur / onFocus / onClick. */
export interface SerialisableEvent {
  bubbles: boolean;
  cancelable: boolean;
  defaultPrevented: boolean;
  eventPhase: number;
  isTrusted: boolean;
  target: { value?: unknown; checked?: boolean; name?: string; id?: string; tagName?: string; type?: string; selectionStart?: number | null; selectionEnd?: number | null };
  timeStamp: number;
  type: string;
}

interface EventLike {
  bubbles?: boolean;
  cancelable?: boolean;
  defaultPrevented?: boolean;
  eventPhase?: number;
  isTrusted?: boolean;
  timeStamp?: number;
  type?: string;
  target?: EventTarget | null;
  currentTarget?: EventTarget | null;
}

const targetOf = (element: unknown): SerialisableEvent['target'] => {
  if (element instanceof HTMLInputElement) {
    const selectable = ['text', 'search', 'url', 'tel', 'password', 'email', ''].includes(element.type);
    return {
      value: element.value, checked: element.checked, name: element.name, id: element.id, tagName: element.tagName, type: element.type,
      ...(selectable ? { selectionStart: element.selectionStart, selectionEnd: element.selectionEnd } : {}),
    };
  }
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || element instanceof HTMLButtonElement) {
    return { value: element.value, name: element.name, id: element.id, tagName: element.tagName, type: element.type };
  }
  return element instanceof HTMLElement ? { id: element.id, tagName: element.tagName } : {};
};

/** A DOM or React event as UI Kit serialises it. */
export const serialiseEvent = (event: EventLike | undefined, fallbackType = 'change'): SerialisableEvent => ({
  bubbles: event?.bubbles ?? false,
  cancelable: event?.cancelable ?? false,
  defaultPrevented: event?.defaultPrevented ?? false,
  eventPhase: event?.eventPhase ?? 0,
  isTrusted: event?.isTrusted ?? true,
  target: targetOf(event?.currentTarget ?? event?.target),
  timeStamp: event?.timeStamp ?? Date.now(),
  type: event?.type ?? fallbackType,
});

/** Reports an app handler's failure the way the host reports render errors: in the console and the error bar. */
export type ErrorSink = (error: unknown) => void;

let sink: ErrorSink = (error) => { console.error('app handler failed', error); };

/** Where app handler failures go (the host's error bar). */
export const setErrorSink = (next: ErrorSink): void => { sink = next; };

/** Calls an app handler; a throw or a rejected promise is reported, never swallowed silently. */
export const callApp = (handler: ((...args: unknown[]) => unknown) | undefined, ...args: unknown[]): void => {
  if (handler === undefined) return;
  try {
    const result = handler(...args);
    if (result instanceof Promise) result.catch((error: unknown) => { sink(error); });
  } catch (error) {
    sink(error);
  }
};
