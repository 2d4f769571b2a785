import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTRACT_SOURCES, type ContractName, type ContractSource } from './operations';

/**
 * Cuts an official OpenAPI document down to the operations of scripts/contract/operations.ts and every component
 * they reference (transitively), without prose: what validates a request or a response stays (types, formats,
 * enums, required, patterns, bounds, nullable, `x-experimental`, which asks for an opt-in header), descriptions,
 * summaries, titles, examples, tags, external docs and the other `x-` extensions go. Keys are sorted, so the same
 * source always gives the same bytes.
 */

type Json = Record<string, unknown>;

/** Where the committed contract lives, and the file of one document in it. */
export const contractFile = (root: string, name: ContractName): string => path.join(root, 'contract', 'openapi', `${name}.json`);

/** The official documents beside the project (absent in a clone with nothing beside it). */
export const sourcesDir = (root: string): string => path.resolve(root, '..', 'shared', 'specs');

/** Keys whose value is a map from names (properties, paths, statuses, media types ...) to objects. */
const NAME_MAPS = new Set([
  'properties', 'patternProperties', 'paths', 'responses', 'content', 'headers', 'schemas', 'parameters',
  'requestBodies', 'securitySchemes', 'encoding', 'variables', 'links', 'callbacks', 'mapping',
]);
/** Keys whose value is data (copied as is, whatever keys it holds). */
const LITERALS = new Set(['enum', 'default', 'const', 'required']);
/** Prose and annotations. */
const PROSE = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'tags']);
/** The one extension that changes what a valid request is. */
const KEPT_EXTENSIONS = new Set(['x-experimental']);

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A node without its prose; `names` when the node is a map whose keys are names, not keywords. */
const stripProse = (node: unknown, names = false): unknown => {
  if (Array.isArray(node)) return node.map((item) => stripProse(item));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (names) out[key] = stripProse(value);
    else if (LITERALS.has(key)) out[key] = value;
    else if (PROSE.has(key) || (key.startsWith('x-') && !KEPT_EXTENSIONS.has(key))) continue;
    // An OAuth flow's scopes map each scope to a description: the scopes stay, their descriptions go.
    else if (key === 'scopes' && isObject(value)) out[key] = Object.fromEntries(Object.keys(value).map((scope) => [scope, '']));
    else out[key] = stripProse(value, NAME_MAPS.has(key) && isObject(value));
  }
  return out;
};

/** `#/components/<kind>/<name>` split into kind and name (JSON pointer escapes undone). */
const componentOf = (ref: string): [string, string] => {
  const [hash, components, kind, name, ...rest] = ref.split('/');
  if (hash !== '#' || components !== 'components' || kind === undefined || name === undefined || rest.length > 0) {
    throw new Error(`unsupported $ref ${ref}`);
  }
  return [kind, name.replace(/~1/g, '/').replace(/~0/g, '~')];
};

const refsIn = (node: unknown, found: string[]): string[] => {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
};

const sortKeys = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(sortKeys);
  if (!isObject(node)) return node;
  return Object.fromEntries(Object.keys(node).sort().map((key) => [key, sortKeys(node[key])]));
};

/** The listed operations' path items (only their methods, plus path-level parameters). */
const pathsOf = (name: string, doc: Json, spec: ContractSource): Json => {
  const all = doc.paths as Record<string, Json | undefined>;
  const paths: Record<string, Json> = {};
  for (const line of spec.operations) {
    const [method = '', template = ''] = line.split(' ');
    const operation = all[template]?.[method.toLowerCase()];
    if (!isObject(operation)) throw new Error(`${name}: ${spec.file} has no ${line}`);
    const item = (paths[template] ??= {});
    const shared = all[template]?.parameters;
    if (shared !== undefined) item.parameters = shared;
    item[method.toLowerCase()] = operation;
  }
  return stripProse(paths, true) as Json;
};

/** The components the paths reference, followed through the components themselves. */
const componentsOf = (name: string, doc: Json, paths: Json, spec: ContractSource): Json => {
  const source = (doc.components ?? {}) as Record<string, Json | undefined>;
  const kept: Record<string, Json> = {};
  const pending = [...refsIn(paths, []), ...(spec.schemas ?? []).map((s) => `#/components/schemas/${s}`)];
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    const [kind, key] = componentOf(ref);
    if (kept[kind]?.[key] !== undefined) continue;
    const component = source[kind]?.[key];
    if (component === undefined) throw new Error(`${name}: ${spec.file} has no ${ref}`);
    const stripped = stripProse(component);
    (kept[kind] ??= {})[key] = stripped;
    pending.push(...refsIn(stripped, []));
  }
  const schemes = source.securitySchemes;
  if (schemes !== undefined) kept.securitySchemes = stripProse(schemes, true) as Json;
  return kept;
};

/** The date SOURCES.md gives a document ("as of" column of its row). */
export const asOfIn = (sourcesMd: string, file: string): string => {
  const row = sourcesMd.split('\n').find((line) => line.startsWith(`| ${file} |`));
  const asOf = row?.split('|')[3]?.trim();
  if (asOf === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`SOURCES.md gives no date for ${file}`);
  return asOf;
};

/** One document's contract, as the text committed in contract/openapi (ends with a newline). */
export const compactDocument = (name: ContractName, sourceText: string, asOf: string): string => {
  const spec = CONTRACT_SOURCES[name];
  const doc = JSON.parse(sourceText) as Json;
  const info = doc.info as Json;
  const paths = pathsOf(name, doc, spec);
  const contract: Json = {
    'x-contract-source': {
      file: spec.file,
      asOf,
      sha256: createHash('sha256').update(sourceText).digest('hex'),
      regenerate: 'npm run contract:generate',
    },
    openapi: doc.openapi,
    info: { title: info.title, version: info.version },
    servers: stripProse(doc.servers),
    ...(doc.security === undefined ? {} : { security: doc.security }),
    paths,
    components: componentsOf(name, doc, paths, spec),
  };
  return `${JSON.stringify(sortKeys(contract), null, 1)}\n`;
};

/** Every document's contract from the official documents in `specsDir`, or undefined when they are absent. */
export const generateContract = (specsDir: string): Record<ContractName, string> | undefined => {
  if (!existsSync(path.join(specsDir, 'SOURCES.md'))) return undefined;
  const sourcesMd = readFileSync(path.join(specsDir, 'SOURCES.md'), 'utf8');
  const names = Object.keys(CONTRACT_SOURCES) as ContractName[];
  return Object.fromEntries(
    names.map((name) => {
      const { file } = CONTRACT_SOURCES[name];
      return [name, compactDocument(name, readFileSync(path.join(specsDir, file), 'utf8'), asOfIn(sourcesMd, file))];
    }),
  ) as Record<ContractName, string>;
};
