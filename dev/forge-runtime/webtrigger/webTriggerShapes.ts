/**
 * The shapes of a Forge web trigger call (runtime-reference/web-trigger, @forge/api `WebTriggerRequest` /
 * `WebTriggerResponse`): what the function receives, what it must return, and the URL's form.
 */
import { z } from 'zod';

/** What the function is called with: header names lower-cased (as HTTP/2 carries them), every value an array. */
export interface WebTriggerEvent {
  method: string;
  path: string;
  /** The path segments the caller added after the trigger's ID ('' when none). */
  userPath: string;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
  body: string;
}

/** A function's answer; anything else is answered with 500, as Forge does. */
export const webTriggerResponseSchema = z.object({
  statusCode: z.number().int().min(100).max(599),
  statusText: z.string().optional(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
  body: z.string().optional(),
});

/** What reaches the HTTP client. */
export interface WebTriggerHttpAnswer {
  status: number;
  headers: Record<string, string[]>;
  body: string;
}

/** An incoming HTTP request, as a server hands it over. */
export interface WebTriggerHttpRequest {
  method: string;
  /** Path and query, e.g. `/x1/<id>/more?a=1`. */
  url: string;
  /** Header values as Node's `IncomingMessage.headersDistinct` gives them (names lower-case). */
  headers: Record<string, string[] | undefined>;
  body: string;
}

/** `/x1/<id>[/user/path]`: the form of Forge's web trigger URLs (`deleteUrl` in @forge/api parses the same). */
export const TRIGGER_PATH = /^\/x1\/([A-Za-z0-9-]+)(\/.*)?$/;

/** Splits a query string into arrays of values per name. */
export const queryParametersOf = (search: URLSearchParams): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const [name, value] of search) (out[name] ??= []).push(value);
  return out;
};

/** Header names lower-cased, values kept as arrays, empty ones dropped. */
export const headersOf = (raw: Record<string, string[] | undefined>): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(raw)) if (values !== undefined) (out[name.toLowerCase()] ??= []).push(...values);
  return out;
};
