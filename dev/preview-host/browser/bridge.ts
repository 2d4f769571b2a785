/**
 * The host side of the bridge: what `self.__bridge.callBridge(command, data)` does for the UI Kit page and, over
 * postMessage, for its Frames. `invoke` runs the app's real resolver on the preview server; `getContext` answers
 * the product context; `emit`/`on` go through the page's event bus; `reconcile` hands the forgeDoc to the renderer.
 */
import { emit, subscribe, unsubscribe, type ExtensionId } from './eventBus';
import { isForgeDoc, type ForgeDoc } from './forgeDoc';

/** What the page passes in (window.__PREVIEW__, see dev/preview-host/page.ts). */
export interface PreviewConfig {
  title: string;
  context: Record<string, unknown>;
  frames: Record<string, string>;
  banner: string;
}

/** What the bridge tells the rest of the host. */
export interface BridgeEvents {
  reconcile(doc: ForgeDoc): void;
  error(message: string, detail?: unknown): void;
  flag(options: Record<string, unknown>): void;
}

/** The answer the preview server gives to POST /__preview/invoke. */
interface InvokeAnswer {
  ok: boolean;
  value?: unknown;
  message?: string;
}

/** Runs one resolver call on the server; rejects as Forge's invoke does when the function fails. */
export const invokeOnServer = async (functionKey: string, payload: unknown): Promise<unknown> => {
  const response = await fetch('/__preview/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey, payload: payload ?? {} }),
  });
  const answer = (await response.json()) as InvokeAnswer;
  if (!answer.ok) throw new Error(`There was an error invoking the function - ${answer.message ?? response.statusText}`);
  return answer.value;
};

const field = (data: unknown, name: string): unknown =>
  typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined;

/** Answers one command of an extension (`page` or a frame id); `deliver` passes on events it subscribed to. */
export const handleCommand = async (
  from: ExtensionId, command: string, data: unknown, config: PreviewConfig, events: BridgeEvents,
  deliver: (subscriptionId: number, payload: unknown) => void,
): Promise<unknown> => {
  switch (command) {
    case 'invoke':
      return invokeOnServer(String(field(data, 'functionKey')), field(data, 'payload'));
    case 'getContext':
      return structuredClone(config.context);
    case 'emit':
    case 'emitPublic':
      emit(from, String(field(data, 'event')), field(data, 'payload'));
      return undefined;
    case 'on':
    case 'onPublic': {
      const id: number = subscribe(from, String(field(data, 'event')), (payload) => { deliver(id, payload); });
      return { subscriptionId: id };
    }
    case 'off':
      unsubscribe(Number(field(data, 'subscriptionId')));
      return undefined;
    case 'onError':
      events.error('The app reported an error', field(data, 'error'));
      return undefined;
    case 'showFlag':
      events.flag(typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {});
      return { close: () => undefined };
    default:
      console.info(`preview bridge: '${command}' is not simulated; answered with undefined`, data);
      return undefined;
  }
};

/** Installs `self.__bridge` for the UI Kit page. Must run before the app bundle loads @forge/bridge. */
export const installPageBridge = (config: PreviewConfig, events: BridgeEvents): void => {
  const callBridge = async (command: string, data?: unknown): Promise<unknown> => {
    if (command === 'reconcile') {
      const doc = field(data, 'forgeDoc');
      if (isForgeDoc(doc)) events.reconcile(doc);
      return undefined;
    }
    if (command === 'on' || command === 'onPublic') {
      const callback = field(data, 'callback');
      const answer = await handleCommand('page', command, data, config, events, (_id, payload) => {
        if (typeof callback === 'function') (callback as (p: unknown) => unknown)(payload);
      });
      const id = Number(field(answer, 'subscriptionId'));
      return { unsubscribe: () => { unsubscribe(id); } };
    }
    return handleCommand('page', command, data, config, events, () => undefined);
  };
  (globalThis as unknown as { __bridge: unknown }).__bridge = { callBridge };
};
