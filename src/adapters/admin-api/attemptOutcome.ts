import { DomainError } from '../../domain/model/errors';
import type { z } from 'zod';
import { waitAfter429, type HeaderBag } from './backoff';
import type { FetchLike, Operation } from './config';
import type { ApiRequest } from './request';

/**
 * Why an attempt did not produce a usable response: retry after backoff, or wait out a 429 (`waitMs` null:
 * the 429 said nothing about timing, so the retry loop's backoff applies).
 */
export type Failure = { kind: 'retry'; why: string; status: number | 'network' } | { kind: 'wait'; waitMs: number | null };

/** An attempt's outcome: a response the caller handles, or a failure the retry loop handles. */
export type Attempt = { status: number; body: unknown } | { failure: Failure };

/** Headers and body of one attempt; the key only ever travels in the Authorization header. */
export const requestInit = (req: ApiRequest, key: string, timeoutMs: number): Parameters<FetchLike>[1] => {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}`, Accept: 'application/json' };
  if (req.body === undefined) return { method: req.method, headers, signal: AbortSignal.timeout(timeoutMs) };
  headers['Content-Type'] = 'application/json';
  return { method: req.method, headers, body: JSON.stringify(req.body), signal: AbortSignal.timeout(timeoutMs) };
};

/** The JSON body, the raw text when it is not JSON, or null when empty. */
export const parseBody = (text: string): unknown => {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** RATE_LIMITED, saying when the endpoint should be tried again. */
export const rateLimited = (operation: Operation, retryAt: number, cause: string, attempts: number): DomainError =>
  new DomainError('RATE_LIMITED', `The Admin API rate limit for ${operation} is exhausted; retry later.`, {
    operation,
    retryAt: new Date(retryAt).toISOString(),
    cause,
    attempts,
  });

/** UPSTREAM_FAILED after the last retryable failure (5xx, network, malformed body). */
export const exhausted = (
  operation: Operation,
  failure: Failure & { kind: 'retry' },
  attempts: number,
): DomainError =>
  new DomainError('UPSTREAM_FAILED', `The Admin API kept failing (${operation}: ${failure.why}).`, {
    operation,
    status: failure.status,
    reason: failure.why,
    attempts,
  });

/**
 * What one response means for the retry loop: a 429 is waited out (`Retry-After`, else the reset plus
 * `resetSlackMs`, else backoff); a 5xx or a 2xx body failing `schema` is retried; anything else is handed
 * back (with the 2xx body parsed).
 */
export const classify = (
  response: { status: number; headers: HeaderBag; text: string },
  schema: z.ZodType | null,
  now: number,
  resetSlackMs: number,
): Attempt => {
  const { status } = response;
  if (status === 429) {
    const wait = waitAfter429(response.headers, now);
    return { failure: { kind: 'wait', waitMs: wait && wait.waitMs + (wait.source === 'reset' ? resetSlackMs : 0) } };
  }
  if (status >= 500) return { failure: { kind: 'retry', why: 'server-error', status } };
  const body = parseBody(response.text);
  if (status < 200 || status >= 300 || schema === null) return { status, body };
  const parsed = schema.safeParse(body);
  return parsed.success ? { status, body: parsed.data } : { failure: { kind: 'retry', why: 'malformed-response', status } };
};
