/**
 * The preview page: our host bundle first (it installs `self.__bridge` and the renderer), then the app's UI Kit
 * bundle, which captures the bridge when @forge/bridge loads. Module scripts run in document order.
 */

/** What the host script reads from the page (window.__PREVIEW__). */
export interface PageConfig {
  title: string;
  context: Record<string, unknown>;
  /** Frame resource key → URL of its index.html. */
  frames: Record<string, string>;
  /** Shown above the app: who the preview runs as and against what. */
  banner: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline JSON that cannot close the script element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** The page that runs the app. */
export const previewPage = (config: PageConfig): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(config.title)}</title>
<link rel="stylesheet" href="/__preview/web/host.css">
<script>window.__PREVIEW__ = ${scriptJson(config)};</script>
<script type="module" src="/__preview/web/host.js"></script>
<script type="module" src="/__preview/web/app.js"></script>
</head>
<body>
<div id="preview-root"></div>
</body>
</html>
`;

/** Shown instead of the app when its UI does not build. */
export const buildErrorPage = (errors: readonly string[]): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>UI build failed</title></head>
<body style="font-family: sans-serif; margin: 2rem">
<h1>The app's UI does not build</h1>
<p>Fix the errors below and reload the page (the preview rebuilds src/ui on every load).</p>
<pre style="background:#fff0f0; padding:1rem; white-space:pre-wrap">${escapeHtml(errors.join('\n'))}</pre>
</body></html>
`;
