/**
 * The bridge inside a Frame (a Custom UI resource): the first script of the resource's HTML. It defines
 * `window.__bridge.callBridge` so the resource's own @forge/bridge works, sending each call to the preview host
 * page over postMessage (as Forge's Custom UI iframes talk to the product), and reports the content height so
 * the Frame grows with it.
 */

type Message =
  | { __forgePreview: 'result'; id: number; ok: boolean; value?: unknown; error?: string }
  | { __forgePreview: 'event'; subscriptionId: number; payload: unknown };

const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
const callbacks = new Map<number, (payload: unknown) => unknown>();
let nextCall = 1;

const send = (message: unknown): void => { window.parent.postMessage(message, '*'); };

const call = (command: string, data: unknown): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const id = nextCall++;
    pending.set(id, { resolve, reject });
    send({ __forgePreview: 'call', id, command, data });
  });

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== window.parent || typeof event.data !== 'object' || event.data === null || !('__forgePreview' in event.data)) return;
  const message = event.data as Message;
  if (message.__forgePreview === 'event') {
    callbacks.get(message.subscriptionId)?.(message.payload);
    return;
  }
  const waiting = pending.get(message.id);
  pending.delete(message.id);
  if (message.ok) waiting?.resolve(message.value);
  else waiting?.reject(new Error(message.error ?? 'bridge call failed'));
});

const callBridge = async (command: string, data?: unknown): Promise<unknown> => {
  if (command === 'on' || command === 'onPublic') {
    const { event, callback } = data as { event: string; callback: (payload: unknown) => unknown };
    const answer = (await call(command, { event })) as { subscriptionId: number };
    callbacks.set(answer.subscriptionId, callback);
    return {
      unsubscribe: () => {
        callbacks.delete(answer.subscriptionId);
        send({ __forgePreview: 'call', id: nextCall++, command: 'off', data: { subscriptionId: answer.subscriptionId } });
      },
    };
  }
  return call(command, data);
};

(window as unknown as { __bridge: unknown }).__bridge = { callBridge };

const reportHeight = (): void => {
  send({ __forgePreview: 'resize', height: document.documentElement.getBoundingClientRect().height });
};

window.addEventListener('DOMContentLoaded', () => {
  const observer = new ResizeObserver(reportHeight);
  observer.observe(document.documentElement);
  observer.observe(document.body);
  reportHeight();
});

export {};
