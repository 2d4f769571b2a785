/**
 * Static files of the preview: the built bundles and the Frame resources. Paths never leave their folder. A
 * resource's HTML gets the frame bridge as its first script, as Forge's Custom UI iframe gets its bridge.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The frame bridge script tag a Frame resource's HTML starts with. */
export const FRAME_BRIDGE_TAG = '<script src="/__preview/web/frame-bridge.js"></script>';

/** Resolves `relative` inside `folder`, or null when it would escape it. */
export const safeJoin = (folder: string, relative: string): string | null => {
  const decoded = decodeURIComponent(relative).replace(/^\/+/, '');
  const full = normalize(join(folder, decoded === '' ? 'index.html' : decoded));
  return full === folder || full.startsWith(folder.endsWith(sep) ? folder : folder + sep) ? full : null;
};

/** Puts the frame bridge before any other script of an HTML document. */
export const injectFrameBridge = (html: string): string => {
  const head = /<head[^>]*>/i.exec(html);
  if (head !== null) return html.slice(0, head.index + head[0].length) + FRAME_BRIDGE_TAG + html.slice(head.index + head[0].length);
  return FRAME_BRIDGE_TAG + html;
};

/** Sends `file` (or 404); with `frame`, HTML gets the frame bridge injected. */
export const sendFile = async (res: ServerResponse, file: string | null, frame = false): Promise<void> => {
  const info = file === null ? null : await stat(file).catch(() => null);
  const path = file !== null && info?.isDirectory() === true ? join(file, 'index.html') : file;
  const body = path === null ? null : await readFile(path).catch(() => null);
  if (path === null || body === null) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  const out = frame && extname(path) === '.html' ? Buffer.from(injectFrameBridge(body.toString('utf8'))) : body;
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(out);
};
