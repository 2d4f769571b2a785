import type { Counters } from '../counters';
import type { FaultInjector, FaultRule } from '../faults';
import type { LatencyModel } from '../latency';
import type { RateDecision, RateLimiter } from '../rate-limit';
import type { SimulatorState } from '../state';
import { authorize } from './auth';
import { errorBody } from './errors';
import { HttpError, type Route, type SimResponse } from './route';
import type { Router } from './router';

/** The parts of a running simulator a request goes through. */
export interface Pipeline {
  router: Router;
  state: SimulatorState;
  limiter: RateLimiter;
  faults: FaultInjector;
  latency: LatencyModel;
  counters: Counters;
  clock: () => number;
  baseUrl: () => string;
  /** Send Retry-After on genuine 429s. */
  retryAfter: boolean;
  /** Resolves when answers may be written: at once, unless a test holds them (AdminApiSimulator.holdAnswers). */
  released: () => Promise<void>;
}

/** A request as read off the wire. */
export interface RawRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/** What to write back: status, headers, body text (undefined = none), delay, or drop the connection. */
export interface Outcome {
  status: number;
  headers: Record<string, string>;
  body: string | undefined;
  delayMs: number;
  destroy: boolean;
}

/** Runs one request: route → count → auth → rate limit → faults → handler → headers and latency. */
export function dispatch(p: Pipeline, raw: RawRequest): Outcome {
  const url = new URL(raw.url, 'http://simulator.invalid');
  const matched = p.router.match(raw.method, url.pathname);
  if (typeof matched === 'string') {
    const status = matched === 'not-found' ? 404 : 405;
    return json(status, { code: status, message: `${raw.method} ${url.pathname} is not served by the simulator` }, {}, 0);
  }
  const { route, params } = matched;
  const call = p.counters.begin(route.cls);
  const now = p.clock();
  const bucket = p.limiter.bucket(route.cls);
  const faults = p.faults.select(route.cls, call);
  const delay = p.latency.next() + faults.reduce((d, f) => d + (f.kind === 'slow' ? f.delayMs ?? 2000 : 0), 0);
  const finish = (o: Outcome, fault: boolean): Outcome => {
    p.counters.end(route.cls, o.status, fault);
    return { ...o, delayMs: o.delayMs + delay };
  };
  let rate: RateDecision | undefined;
  try {
    const key = authorize(route, raw.authorization, p.state.keys, now);
    if (faults.some((f) => f.kind === 'connection-reset')) return finish({ ...json(0, undefined, {}, 0), destroy: true }, true);
    const storm = faults.find((f) => f.kind === 'rate-limit');
    if (storm) {
      const retry = storm.retryAfterSeconds === undefined ? 1 : storm.retryAfterSeconds;
      const decision = { ...bucket.peek(now), remaining: 0, resetAt: now + (retry ?? 1) * 1000 };
      return finish(tooMany(route, decision, retry), true);
    }
    rate = bucket.take(now);
    if (!rate.allowed) return finish(tooMany(route, rate, p.retryAfter ? rate.retryAfterMs / 1000 : null), false);
    const failure = faults.find((f) => f.kind === 'server-error');
    if (failure) throw new HttpError(failure.status ?? 500, 'ADMIN-500-1', 'Injected server error');
    const body = parseJson(raw.body);
    const res = route.handle({ method: raw.method, path: url.pathname, params, query: url.searchParams, body, key }, {
      state: p.state, now, baseUrl: p.baseUrl(), declares: (status) => route.styles[status] !== undefined,
    });
    return finish(malform(success(res, rate), faults), faults.length > 0);
  } catch (err) {
    const e = err instanceof HttpError ? err : new HttpError(500, 'ADMIN-500-1', 'Internal error');
    const body = e.body ?? errorBody(styleFor(route, e.status), e.status, e.code, e.detail);
    return finish(json(e.status, body, rateHeaders(rate ?? bucket.peek(now)), 0), faults.length > 0);
  }
}

function styleFor(route: Route, status: number): NonNullable<Route['styles'][number]> {
  if (status >= 502) return 'proxy';
  return route.styles[status] ?? route.fallback;
}

function tooMany(route: Route, rate: RateDecision, retryAfterSeconds: number | null): Outcome {
  const headers = rateHeaders({ ...rate, remaining: 0 });
  if (retryAfterSeconds !== null) headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  const body = errorBody(styleFor(route, 429), 429, 'ADMIN-429-1', 'Rate limit exceeded');
  return json(429, body, headers, 0);
}

function success(res: SimResponse, rate: RateDecision): Outcome {
  return json(res.status, res.body, rateHeaders(rate), 0);
}

function malform(o: Outcome, faults: FaultRule[]): Outcome {
  if (o.status !== 200 || o.body === undefined) return o;
  if (faults.some((f) => f.kind === 'malformed-json')) return { ...o, body: o.body.slice(0, Math.max(1, Math.floor(o.body.length / 2))) };
  if (faults.some((f) => f.kind === 'missing-fields')) {
    const parsed = JSON.parse(o.body) as Record<string, unknown>;
    delete parsed.data;
    return { ...o, body: JSON.stringify(parsed) };
  }
  return o;
}

/** X-RateLimit-* headers: limit, remaining and the ISO-8601 UTC time the bucket is full again. */
export function rateHeaders(r: RateDecision): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(r.limit),
    'X-RateLimit-Remaining': String(r.remaining),
    'X-RateLimit-Reset': new Date(r.resetAt).toISOString(),
  };
}

function json(status: number, body: unknown, headers: Record<string, string>, delayMs: number): Outcome {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const h = text === undefined ? headers : { ...headers, 'Content-Type': 'application/json' };
  return { status, headers: h, body: text, delayMs, destroy: false };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'ADMIN-400-24', 'Request body is not valid JSON');
  }
}
