/*
 * openapi-backend 5.21 requires @apidevtools/json-schema-ref-parser 16, which is ESM-only; Jest (on Node 22) cannot
 * require it. In quick mode openapi-backend dereferences with its CJS dependency and only calls the ref parser's
 * `parse` (to keep a copy of the input), so the ESM module is replaced by an equivalent that returns the document.
 */
jest.mock('@apidevtools/json-schema-ref-parser', () => {
  const passThrough = (doc: unknown): Promise<unknown> => Promise.resolve(doc);
  return { __esModule: true, default: { parse: passThrough, dereference: passThrough, resolve: passThrough } };
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import OpenAPIBackend from 'openapi-backend';
import type { AjvCustomizer, Document, Operation } from 'openapi-backend';
import { contractFile } from '../../scripts/contract/compact';

type Ajv = Parameters<AjvCustomizer>[0];

/**
 * Contract checks against the official OpenAPI documents, as the committed contract (contract/openapi, generated
 * from ../shared/specs by `npm run contract:generate`) holds the operations the app uses.
 * Uses openapi-backend (Ajv underneath) to match a concrete request to its operation and validate it, or a response
 * body/headers against the operation's declared response for that status.
 *
 * Stricter than openapi-backend alone: an undeclared status, a body where the spec declares none (or none where it
 * declares one) are errors too.
 */

/** The three Admin API documents the app relies on. */
export type SpecName = 'organization' | 'userManagement' | 'apiAccess';

/** The project root (contract/openapi is under it). */
const ROOT = path.resolve(__dirname, '../..');

/** Path prefix each document's `servers` URL puts in front of its paths (https://api.atlassian.com + this). */
export const API_ROOTS: Record<SpecName, string> = {
  organization: '/admin',
  userManagement: '/',
  apiAccess: '/admin/api-access/v1',
};

/** The document that serves a full request path (`/admin/api-access/v1/...`, `/admin/...` or `/users/...`). */
export function specForPath(fullPath: string): SpecName {
  if (fullPath.startsWith('/admin/api-access/')) return 'apiAccess';
  if (fullPath.startsWith('/admin/')) return 'organization';
  return 'userManagement';
}

const backends = new Map<SpecName, Promise<OpenAPIBackend>>();

/** The initialized validator for a document (loaded once per test file). */
export function loadSpec(name: SpecName): Promise<OpenAPIBackend> {
  let backend = backends.get(name);
  if (!backend) {
    backend = init(name);
    backends.set(name, backend);
  }
  return backend;
}

/** The document's committed contract, parsed. */
export function readSpec(name: SpecName): Record<string, unknown> {
  return JSON.parse(readFileSync(contractFile(ROOT, name), 'utf8')) as Record<string, unknown>;
}

async function init(name: SpecName): Promise<OpenAPIBackend> {
  const definition = withOperationIds(readSpec(name));
  const api = new OpenAPIBackend({
    definition: definition as unknown as Document,
    apiRoot: API_ROOTS[name],
    quick: true,
    validate: true,
    customizeAjv: (ajv) => addFormats(ajv),
  });
  await api.init();
  return api;
}

/** Several operations have no operationId, which openapi-backend needs: give them `METHOD path` (in a copy). */
function withOperationIds(doc: Record<string, unknown>): Record<string, unknown> {
  const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
  for (const [p, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op === 'object' && 'responses' in op && typeof op.operationId !== 'string') {
        op.operationId = `${method.toUpperCase()} ${p}`;
      }
    }
  }
  return doc;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Formats the three documents use; Ajv does not know the OpenAPI-flavoured ones (date-time, uuid, "ISO 8601" ...). */
function addFormats(ajv: Ajv): Ajv {
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('ISO 8601', { type: 'string', validate: (s: string) => !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('date', { type: 'string', validate: (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('uuid', { type: 'string', validate: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i });
  ajv.addFormat('email', { type: 'string', validate: /^[^\s@]+@[^\s@]+$/ });
  for (const free of ['1w 2d 3h 4m', '[-|+]<field>, ...', 'int']) ajv.addFormat(free, { validate: () => true });
  return ajv;
}

/** A request to check, with the full path as sent (base path included, query string allowed). */
export interface RequestToCheck {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The operation a concrete request hits, or undefined when the document has none. */
export async function operationOf(spec: SpecName, method: string, fullPath: string): Promise<Operation | undefined> {
  const api = await loadSpec(spec);
  const [pathname = '', search = ''] = fullPath.split('?');
  const op = api.router.matchOperation({ method: method.toLowerCase(), path: pathname, headers: {}, query: search });
  return op ?? undefined;
}

/** Errors of a request against its operation (path, query, headers, body); [] when valid. */
export async function validateRequest(spec: SpecName, req: RequestToCheck): Promise<string[]> {
  const api = await loadSpec(spec);
  const [pathname = '', search = ''] = req.path.split('?');
  const request = {
    method: req.method.toLowerCase(),
    path: pathname,
    query: req.query ?? search,
    headers: lowerKeys({ 'content-type': 'application/json', ...(req.headers ?? {}) }),
    ...(req.body === undefined ? {} : { body: req.body }),
  };
  const op = api.router.matchOperation(request);
  if (!op) return [`no operation in ${spec} for ${req.method} ${pathname}`];
  const result = api.validator.validateRequest(request, op);
  return (result.errors ?? []).map(describe);
}

/**
 * Errors of a response against its operation's declaration for `status`; [] when valid. Pass `body` undefined for
 * an empty body. `headers` are checked when given and the spec declares response headers.
 */
export async function validateResponse(
  spec: SpecName,
  method: string,
  fullPath: string,
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): Promise<string[]> {
  const api = await loadSpec(spec);
  const op = await operationOf(spec, method, fullPath);
  if (!op) return [`no operation in ${spec} for ${method} ${fullPath}`];
  const declared = declaredResponse(op, status);
  if (!declared) return [`status ${String(status)} is not declared for ${op.operationId ?? fullPath}`];
  const errors: string[] = [];
  if (!declared.json && body !== undefined) errors.push(`status ${String(status)} declares no body, got one`);
  if (declared.json && body === undefined) errors.push(`status ${String(status)} declares a JSON body, got none`);
  if (declared.json && body !== undefined) {
    errors.push(...(api.validator.validateResponse(body, op, status).errors ?? []).map(describe));
  }
  if (headers) {
    const result = api.validator.validateResponseHeaders(headers, op, { statusCode: status });
    errors.push(...(result.errors ?? []).map(describe));
  }
  return errors;
}

/** Statuses the operation declares (numbers; `default` and `4XX` style keys are left out). */
export async function declaredStatuses(spec: SpecName, method: string, fullPath: string): Promise<number[]> {
  const op = await operationOf(spec, method, fullPath);
  return Object.keys(op?.responses ?? {}).filter((k) => /^\d{3}$/.test(k)).map(Number);
}

function declaredResponse(op: Operation, status: number): { json: boolean } | undefined {
  const responses = (op.responses ?? {}) as Record<string, { content?: Record<string, unknown> } | undefined>;
  const r = responses[String(status)] ?? responses[`${String(Math.floor(status / 100))}XX`] ?? responses.default;
  if (!r) return undefined;
  return { json: r.content !== undefined && 'application/json' in r.content };
}

function describe(e: { instancePath?: string; message?: string; params?: unknown }): string {
  return `${e.instancePath ?? ''} ${e.message ?? 'invalid'} ${JSON.stringify(e.params ?? {})}`.trim();
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
