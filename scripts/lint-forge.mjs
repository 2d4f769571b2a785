// Runs @forge/lint's client-side linters over manifest.yml and src/ without a Forge login.
// `forge lint` needs an authenticated CLI; the same linters run offline here, except the
// PermissionLinter, which downloads Jira's REST spec to map requestJira routes to scopes.
// Exits non-zero on any error or warning.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
const { lint, problemCount, reportLintResults, getClientSideLintersOnly } = require('@forge/lint');

const root = process.argv[2] ?? process.cwd();
const manifest = YAML.parse(readFileSync(join(root, 'manifest.yml'), 'utf8'));

const sourceFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|jsx)$/.test(entry.name) ? [path] : [];
  });

const logger = { info: (line) => console.log(line) };
// No feature-flag service offline: no runtime is reported deprecated.
const statsig = { getDeprecatedRuntimes: async () => [] };

const cwd = process.cwd();
process.chdir(root);
try {
  const linters = (await getClientSideLintersOnly(manifest, 'development', logger, statsig)).filter(
    (linter) => linter.constructor.name !== 'PermissionLinter',
  );
  const results = await lint(sourceFiles(join(root, 'src')), manifest, 'development', logger, statsig, {
    linter: { mode: 'client-side' },
    linters,
  });
  reportLintResults(logger, results);
  const { errors, warnings } = problemCount(results);
  console.log(`forge lint (client-side, ${linters.length} linters): ${errors} errors, ${warnings} warnings`);
  process.exitCode = errors + warnings === 0 ? 0 : 1;
} finally {
  process.chdir(cwd);
}
