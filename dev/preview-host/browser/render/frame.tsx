/**
 * Frame: a manifest resource (Custom UI) in an iframe, as UI Kit embeds it. The resource's HTML is served with our
 * frame bridge (frameBridge.ts) as its first script; its calls arrive here over postMessage and are answered by the
 * same bridge commands the page uses, so `invoke` reaches the real resolvers and events reach the page. The frame
 * reports its content height and grows to it.
 */
import React, { useEffect, useRef, useState } from 'react';
import { handleCommand, type BridgeEvents, type PreviewConfig } from '../bridge';
import { unsubscribeAll } from '../eventBus';
import { str, type ForgeDoc } from '../forgeDoc';
import { register } from './core';

/** Messages between a frame and the host. */
export type FrameMessage =
  | { __forgePreview: 'call'; id: number; command: string; data: unknown }
  | { __forgePreview: 'resize'; height: number }
  | { __forgePreview: 'result'; id: number; ok: boolean; value?: unknown; error?: string }
  | { __forgePreview: 'event'; subscriptionId: number; payload: unknown };

interface FrameEntry {
  id: string;
  setHeight: (height: number) => void;
}

const frames = new Map<Window, FrameEntry>();
let frameCount = 0;

const isFrameMessage = (data: unknown): data is FrameMessage =>
  typeof data === 'object' && data !== null && '__forgePreview' in data;

/** Listens for frame messages; call once, after the page bridge is installed. */
export const listenToFrames = (config: PreviewConfig, events: BridgeEvents): void => {
  window.addEventListener('message', (message: MessageEvent<unknown>) => {
    const source = message.source as Window | null;
    const entry = source === null ? undefined : frames.get(source);
    if (source === null || entry === undefined || !isFrameMessage(message.data)) return;
    const data = message.data;
    const post = (reply: FrameMessage): void => { source.postMessage(reply, '*'); };
    if (data.__forgePreview === 'resize') { entry.setHeight(data.height); return; }
    if (data.__forgePreview !== 'call') return;
    handleCommand(entry.id, data.command, data.data, config, events, (subscriptionId, payload) => {
      post({ __forgePreview: 'event', subscriptionId, payload });
    }).then((value) => {
      post({ __forgePreview: 'result', id: data.id, ok: true, value: typeof value === 'object' && value !== null && 'close' in value ? undefined : value });
    }, (error: unknown) => {
      post({ __forgePreview: 'result', id: data.id, ok: false, error: error instanceof Error ? error.message : String(error) });
    });
  });
};

const FrameView = ({ node, src }: { node: ForgeDoc; src: string }): React.JSX.Element => {
  const ref = useRef<HTMLIFrameElement>(null);
  const initial = str(node.props, 'height') ?? '150px';
  const [height, setHeight] = useState<string>(initial);
  const [frameId] = useState(() => str(node.props, 'frameId') ?? `frame-${String(++frameCount)}`);
  useEffect(() => {
    const win = ref.current?.contentWindow;
    const id = frameId;
    if (win === null || win === undefined) return undefined;
    frames.set(win, { id, setHeight: (h) => { setHeight(`${String(Math.max(40, Math.ceil(h)))}px`); } });
    return () => { frames.delete(win); unsubscribeAll(id); };
  }, [frameId]);
  return (
    <iframe
      ref={ref}
      src={src}
      title={`Frame ${str(node.props, 'resource') ?? ''}`}
      data-forge-frame={str(node.props, 'resource')}
      sandbox="allow-scripts allow-same-origin allow-downloads allow-forms allow-popups"
      style={{ width: str(node.props, 'width') ?? '100%', height, border: 0, display: 'block' }}
    />
  );
};

/** Registers the Frame renderer for the page's frame resources. */
export const registerFrame = (config: PreviewConfig): void => {
  register({
    Frame: (n) => {
      const resource = str(n.props, 'resource') ?? '';
      const src = config.frames[resource];
      if (src === undefined) return <span style={{ color: '#c9372c' }}>{`Frame: resource '${resource}' is not in manifest.yml`}</span>;
      return <FrameView node={n} src={src} />;
    },
  });
};
