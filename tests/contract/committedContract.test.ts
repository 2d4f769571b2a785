import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contractFile, generateContract, sourcesDir } from '../../scripts/contract/compact';
import { CONTRACT_SOURCES, type ContractName } from '../../scripts/contract/operations';

jest.setTimeout(60_000);

/**
 * The committed contract (contract/openapi) is what the contract tests validate against. It must name its source and
 * hold every listed operation with every component it references; and, where the official documents are beside the
 * project (../shared/specs), it must be exactly what `npm run contract:generate` makes of them today.
 */

const ROOT = path.resolve(__dirname, '../..');
const NAMES = Object.keys(CONTRACT_SOURCES) as ContractName[];
const committed = (name: ContractName): string => readFileSync(contractFile(ROOT, name), 'utf8');

type Json = Record<string, unknown>;

/** `$ref`s of a document that point at nothing in it. */
const danglingRefs = (doc: Json): string[] => {
  const dangling: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key !== '$ref' || typeof value !== 'string') visit(value);
        else if (value.split('/').slice(1).reduce<unknown>((at, part) => (at as Json | undefined)?.[part], doc) === undefined) dangling.push(value);
      }
    }
  };
  visit(doc);
  return dangling;
};

describe.each(NAMES)('the committed contract of %s', (name) => {
  const doc = JSON.parse(committed(name)) as Json;
  const source = CONTRACT_SOURCES[name];

  it('names its source document and the source’s date', () => {
    expect(doc['x-contract-source']).toEqual({
      file: source.file,
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      regenerate: 'npm run contract:generate',
    });
  });

  it('holds every listed operation, and every $ref resolves inside it', () => {
    const paths = doc.paths as Record<string, Json | undefined>;
    const missing = source.operations.filter((line) => {
      const [method = '', template = ''] = line.split(' ');
      return paths[template]?.[method.toLowerCase()] === undefined;
    });
    expect(missing).toEqual([]);
    expect(danglingRefs(doc)).toEqual([]);
  });

  it('keeps no prose', () => {
    const text = committed(name);
    expect(text).not.toMatch(/"(summary|externalDocs|example|examples|x-atlassian-[\w-]+)":/);
  });
});

describe('the committed contract against the official documents', () => {
  const dir = sourcesDir(ROOT);
  const regenerated = generateContract(dir);

  if (regenerated === undefined) {
    // A clone with nothing beside it: there is nothing to compare with, and the checks above still ran.
    it(`cannot be compared: ${dir} is absent, so the committed files (checked above) stand as they are`, () => {
      expect(NAMES.map((name) => committed(name).length > 0)).toEqual(NAMES.map(() => true));
    });
    return;
  }

  it.each(NAMES)('%s is what `npm run contract:generate` writes today', (name) => {
    const stale = committed(name) !== regenerated[name];
    const why = `contract/openapi/${name}.json differs from what ${dir} gives: run \`npm run contract:generate\` and commit the result`;
    expect(stale ? why : 'up to date').toBe('up to date');
  });
});
