import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

/** Every text file under `dir` that can hold a comment or a citation. */
const filesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx|mjs|cjs|js|sh|md)$/.test(name) ? [path] : [];
  });

/**
 * Feature IDs a text cites: `S5`, `(B3)`, `FEATURES Y2`, and ranges such as `A1–A3` or `S2-S8` (every ID in
 * between). A letter with 0 or a number above 19 (`T0`, `P95`), or an ISO time such as `T12:00`, is not a citation.
 */
const citedFeatureIds = (text: string): string[] => {
  const ids: string[] = [];
  for (const m of text.matchAll(/\b([SDUBITAXLPY])(1\d|[1-9])(?:\s?[–-]\s?\1?(1\d|[1-9]))?\b(?!:\d)/g)) {
    const [, letter = '', from = '', to] = m;
    const last = to === undefined ? Number(from) : Number(to);
    for (let n = Number(from); n <= Math.max(Number(from), last); n += 1) ids.push(`${letter}${n}`);
  }
  return ids;
};

/** The IDs docs/features.md lists, one `- **ID** …` line each. */
const listedFeatureIds = (): Set<string> => new Set([...read('docs/features.md').matchAll(/^- \*\*([A-Z]\d+)\*\*/gm)].map((m) => m[1] ?? ''));

/** Repository paths a document names (`src/...`, `tests/...`, in prose, code or diagrams); a glob counts up to its `*`. */
const namedPaths = (text: string): string[] =>
  [...text.matchAll(/(?<![\w./-])((?:src|tests|dev|scripts|docs|locales|resources)\/[\w./-]*)/g)].map((m) => (m[1] ?? '').replace(/[./]+$/, ''));

describe('comments and docs point inside the repository', () => {
  it('reads citations as the comments write them', () => {
    expect(citedFeatureIds('S5 / Y2: the run (FEATURES S7); A1–A3, S2-S8; not T0, P95, 2025-01-01T12:00Z, U12x, S10')).toEqual([
      'S5', 'Y2', 'S7', 'A1', 'A2', 'A3', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S10',
    ]);
  });

  it('every feature ID cited in src, dev, tests, scripts and docs is listed in docs/features.md', () => {
    const listed = listedFeatureIds();
    expect(listed.size).toBeGreaterThan(40);
    const files = ['src', 'dev', 'tests', 'scripts', 'docs'].flatMap(filesUnder).filter((f) => f !== join('docs', 'features.md'));
    const unlisted = files.flatMap((file) => citedFeatureIds(read(file)).filter((id) => !listed.has(id)).map((id) => `${id} in ${file}`));
    expect([...new Set(unlisted)]).toEqual([]);
  });

  it.each(['docs/architecture.md', 'docs/extending.md', 'docs/features.md'])('every path %s names exists', (doc) => {
    const paths = namedPaths(read(doc));
    expect(paths.length).toBeGreaterThan(doc === 'docs/features.md' ? 0 : 10);
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});
