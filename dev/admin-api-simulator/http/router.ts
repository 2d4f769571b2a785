import type { Route } from './route';

interface Compiled {
  route: Route;
  regex: RegExp;
  names: string[];
}

/** Matches request paths to routes; path parameters are URL-decoded. */
export class Router {
  private readonly compiled: Compiled[];

  /** @param routes the served operations. */
  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.template
        .split('/')
        .map((seg) => {
          const m = /^\{(\w+)\}$/.exec(seg);
          if (!m?.[1]) return seg.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
          names.push(m[1]);
          return '([^/]+)';
        })
        .join('/');
      return { route, regex: new RegExp(`^${source}/?$`), names };
    });
  }

  /** The route for method + path; `methodMismatch` when the path exists with another method. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | 'not-found' | 'method-mismatch' {
    let pathMatched = false;
    for (const c of this.compiled) {
      const m = c.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (c.route.method !== method) continue;
      const params: Record<string, string> = {};
      c.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route: c.route, params };
    }
    return pathMatched ? 'method-mismatch' : 'not-found';
  }
}
