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
import { contractFile } from '../../../../scripts/contract/compact';

/**
 * Contract checks for Jira platform and JSM, against the official documents in ../shared/specs/product as the
 * committed contract (contract/openapi/jira.json and jsm.json, `npm run contract:generate`) holds the GET operations
 * the app uses and the components they reference.
 */

/** The two product documents. */
export type ProductSpec = 'jira' | 'jsm';

const ROOT = path.resolve(__dirname, '../../../..');

type Json = Record<string, unknown>;

const errorBody = (schema: string): Json => ({
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

/** The contract of a document, each operation with the narrative's statuses, an operationId unique per path and no auth. */
export const contractOf = (spec: ProductSpec): Json => {
  const contract = JSON.parse(readFileSync(contractFile(ROOT, spec), 'utf8')) as Json;
  const paths: Record<string, Json> = {};
  for (const [p, item] of Object.entries(contract.paths as Record<string, Json>)) {
    paths[p] = Object.fromEntries(Object.entries(item).map(([method, op]) => {
      if (method === 'parameters') return [method, op];
      const operation = op as Json;
      const responses = { ...NARRATIVE_ERRORS[spec], ...(operation.responses as Json) };
      return [method, { ...operation, responses, operationId: `${String(operation.operationId)}@${p}`, security: [] }];
    }));
  }
  return { ...contract, paths };
};

const backends = new Map<ProductSpec, Promise<OpenAPIBackend>>();

/** The validator of a document subset (built once per test file). */
export const loadProductSpec = (spec: ProductSpec): Promise<OpenAPIBackend> => {
  let backend = backends.get(spec);
  if (!backend) {
    const api = new OpenAPIBackend({
      definition: contractOf(spec) as unknown as Document,
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
