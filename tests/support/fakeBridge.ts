/**
 * A stand-in for the UI Kit host (ARCHITECTURE §7): what Atlassian's page gives the app's sandbox
 * as `self.__bridge`. Import this file BEFORE @forge/react or @forge/bridge: the bridge captures
 * `callBridge` when its module loads. Tests route `invoke` calls to resolver functions and read the
 * forgeDoc tree the real reconciler sends on every commit.
 */
export interface ForgeDoc {
  type: string;
  props: Record<string, unknown>;
  children: ForgeDoc[];
  key?: string;
}

type InvokeHandler = (payload: unknown) => unknown;

interface BridgeState {
  doc: ForgeDoc | null;
  handlers: Map<string, InvokeHandler>;
  context: Record<string, unknown>;
  calls: { functionKey: string; payload: unknown }[];
}

export const bridge: BridgeState = {
  doc: null,
  handlers: new Map(),
  context: { accountId: 'admin-1', locale: 'en-US', timezone: 'Europe/Berlin', cloudId: 'cloud-1', moduleKey: 'ulo-admin-page' },
  calls: [],
};

const callBridge = (command: string, data: unknown): Promise<unknown> => {
  const body = (data ?? {}) as { forgeDoc?: ForgeDoc; functionKey?: string; payload?: unknown };
  switch (command) {
    case 'reconcile':
      bridge.doc = body.forgeDoc ?? null;
      return Promise.resolve();
    case 'invoke': {
      const key = body.functionKey ?? '';
      bridge.calls.push({ functionKey: key, payload: body.payload });
      const handler = bridge.handlers.get(key);
      if (!handler) return Promise.reject(new Error(`No resolver for ${key}`));
      return Promise.resolve(handler(body.payload));
    }
    case 'getContext':
      return Promise.resolve(bridge.context);
    default:
      return Promise.resolve(undefined);
  }
};

const host = globalThis as unknown as { self: unknown; __bridge: unknown };
host.__bridge = { callBridge };
host.self = globalThis;

/** All text in the rendered tree, in order, joined by spaces. */
export const renderedText = (doc: ForgeDoc | null = bridge.doc): string => {
  if (!doc) return '';
  const own = doc.type === 'String' && typeof doc.props.text === 'string' ? [doc.props.text] : [];
  const label = typeof doc.props.label === 'string' ? [doc.props.label] : [];
  return [...own, ...label, ...doc.children.map((c) => renderedText(c))].filter((s) => s !== '').join(' ');
};

export const findAll = (type: string, doc: ForgeDoc | null = bridge.doc): ForgeDoc[] => {
  if (!doc) return [];
  return [...(doc.type === type ? [doc] : []), ...doc.children.flatMap((c) => findAll(type, c))];
};

/** Polls until the rendered tree satisfies `check` (the reconciler commits asynchronously). */
export const waitFor = async (check: () => boolean, timeoutMs = 2000): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out; rendered: ${renderedText()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

export const resetBridge = (): void => {
  bridge.doc = null;
  bridge.handlers.clear();
  bridge.calls.length = 0;
};
