/**
 * Egress as Forge enforces it: the runtime's `fetch` only reaches addresses declared in
 * `permissions.external.fetch.backend` (`https://host`, `*.host`, `https://*.host`, or `*`).
 */

/** True when `url` is covered by one of the manifest's egress addresses. */
export function egressAllowed(url: URL, allowList: readonly string[]): boolean {
  return allowList.some((entry) => {
    if (entry === '*') return true;
    const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:]+)(?::(\d+))?/i.exec(entry.trim());
    if (m === null) return false;
    const [, scheme, hostPattern = '', port] = m;
    if (scheme !== undefined && `${scheme.toLowerCase()}:` !== url.protocol) return false;
    if (port !== undefined && port !== url.port) return false;
    const host = url.hostname.toLowerCase();
    const pattern = hostPattern.toLowerCase();
    if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
    return host === pattern;
  });
}
