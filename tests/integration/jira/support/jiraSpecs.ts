/*
 * openapi-backend 5.21 requires an ESM-only ref parser that Jest cannot load; in quick mode it only calls `parse`
 * (to copy the input), so the module is replaced by a pass-through (as tests/support/openapi.ts does).
 */
jest.mock('@apidevtools/json-schema-ref-parser', () => {
  const passThrough = (doc: unknown): Promise<unknown> => Promise.resolve(doc);
  return { __esModule: true, default: { parse: passThrough, dereference: passThrough, resolve: passThrough } };
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import OpenAPIBackend from 'openapi-backend';
import type { Document } from 'openapi-backend';

/**
 * Contract checks for Jira platform and JSM, against the official documents in ../shared/specs/product (read at
 * load time, never copied). The Jira document is 3.3 MB: only the operations the app uses, with the components
 * they reference, are handed to openapi-backend.
 */

/** The two product documents. */
export type ProductSpec = 'jira' | 'jsm';

const SPEC_DIR = path.resolve(__dirname, '../../../../../shared/specs/product');
const FILES: Record<ProductSpec, string> = {
  jira: 'jira-platform.2026-04.openapi.json',
  jsm: 'jira-service-management.2023.xvrh.openapi.json',
};

/** The operations the app calls, per document (path templates as the documents spell them). */
export const USED_PATHS: Record<ProductSpec, readonly string[]> = {
  jira: [
    '/rest/api/3/mypermissions',
    '/rest/api/3/project/search',
    '/rest/api/3/project/{projectIdOrKey}/role',
    '/rest/api/3/project/{projectIdOrKey}/role/{id}',
    '/rest/api/3/group/member',
  ],
  jsm: [
    '/rest/servicedeskapi/servicedesk',
    '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer',
    '/rest/servicedeskapi/servicedesk/{serviceDeskId}/organization',
    '/rest/servicedeskapi/organization',
    '/rest/servicedeskapi/organization/{organizationId}/user',
  ],
};

type Json = Record<string, unknown>;

const errorBody = (schema: string): Json => ({
  description: 'Documented for every operation in the narrative, not per operation',
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});

/**
 * Statuses the documents' narratives declare for every operation, added where an operation does not declare them:
 * JSM "Status codes" (400, 412 for experimental methods, with ErrorResponse) and, for both, 429 from the rate-limiting
 * guide (body: the family's error entity) and 5xx (Jira: ErrorCollection "for error status codes").
 */
const NARRATIVE_ERRORS: Record<ProductSpec, Json> = {
  jira: Object.fromEntries(['429', '500', '502', '503', '504'].map((s) => [s, errorBody('ErrorCollection')])),
  jsm: Object.fromEntries(['400', '412', '429', '500', '502', '503', '504'].map((s) => [s, errorBody('ErrorResponse')])),
};

/** The names of every `#/components/schemas/X` reachable from `node` through `schemas`. */
const collectRefs = (node: unknown, schemas: Json, found: Set<string>): void => {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, schemas, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      const name = value.slice('#/components/schemas/'.length);
      if (!found.has(name)) {
        found.add(name);
        collectRefs(schemas[name], schemas, found);
      }
    } else collectRefs(value, schemas, found);
  }
};

/** The document cut down to the GET operations of `USED_PATHS` and the schemas they reference. */
export const subsetOf = (spec: ProductSpec): Json => {
  const full = JSON.parse(readFileSync(path.join(SPEC_DIR, FILES[spec]), 'utf8')) as Json;
  const allPaths = full.paths as Record<string, Json>;
  const schemas = (full.components as { schemas: Json }).schemas;
  const paths: Record<string, Json> = {};
  for (const p of USED_PATHS[spec]) {
    const get = allPaths[p]?.get as Json | undefined;
    if (get === undefined) throw new Error(`${spec} document has no GET ${p}`);
    const responses = { ...NARRATIVE_ERRORS[spec], ...(get.responses as Json) };
    paths[p] = { get: { ...get, responses, operationId: `${String(get.operationId)}@${p}`, security: [] } };
  }
  const used = new Set<string>();
  collectRefs(paths, schemas, used);
  const components = { schemas: Object.fromEntries([...used].map((n) => [n, schemas[n]])) };
  return { openapi: full.openapi, info: full.info, paths, components };
};

const backends = new Map<ProductSpec, Promise<OpenAPIBackend>>();

/** The validator of a document subset (built once per test file). */
export const loadProductSpec = (spec: ProductSpec): Promise<OpenAPIBackend> => {
  let backend = backends.get(spec);
  if (!backend) {
    const api = new OpenAPIBackend({
      definition: subsetOf(spec) as unknown as Document,
      apiRoot: '/',
      quick: true,
      validate: true,
      customizeAjv: (ajv) => {
        const any = (): boolean => true;
        ajv.addFormat('uri', { type: 'string', validate: (v: string) => URL.canParse(v) });
        ajv.addFormat('url', { type: 'string', validate: (v: string) => URL.canParse(v) });
        ajv.addFormat('date-time', { type: 'string', validate: (v: string) => !Number.isNaN(Date.parse(v)) });
        ajv.addFormat('date', { type: 'string', validate: /^\d{4}-\d{2}-\d{2}$/ });
        ajv.addFormat('uuid', { type: 'string', validate: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i });
        for (const f of ['int32', 'int64', 'double']) ajv.addFormat(f, { type: 'number', validate: any });
        for (const f of ['byte', 'binary']) ajv.addFormat(f, { type: 'string', validate: any });
        return ajv;
      },
    });
    backend = api.init().then(() => api);
    backends.set(spec, backend);
  }
  return backend;
};

/** The document a path belongs to. */
export const specOf = (fullPath: string): ProductSpec => (fullPath.startsWith('/rest/servicedeskapi/') ? 'jsm' : 'jira');
