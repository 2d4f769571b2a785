// Runs Jest on Node 22 with coverage, then prints its totals as the very last line in the plain
// form CI reads ("N passed, N failed, N skipped"). Exits with Jest's own exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const major = Number(process.versions.node.split('.')[0]);
if (major !== 22) {
  console.error(`Tests must run on Node 22 (the Forge runtime's major); this is Node ${process.versions.node}.`);
  console.error('Run them through npm (npm test): it puts the pinned node@22 from node_modules/.bin first on PATH.');
  process.exit(1);
}

mkdirSync('.tmp', { recursive: true });
const resultsFile = '.tmp/jest-results.json';
rmSync(resultsFile, { force: true });
const jest = spawnSync('jest', ['--coverage', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: false,
});

let line = 'jest did not report results: 0 passed, 1 failed';
try {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const broken = r.numRuntimeErrorTestSuites + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
  line = `${r.numPassedTests} passed, ${r.numFailedTests + broken} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
} catch {
  // keep the failure line
}
// One aggregate figure for the pure core (the per-folder rows are in Jest's table above).
let domain = '';
try {
  const summary = JSON.parse(readFileSync('coverage/coverage-summary.json', 'utf8'));
  const total = { lines: [0, 0], branches: [0, 0] };
  for (const [file, c] of Object.entries(summary)) {
    if (!file.includes('/src/domain/')) continue;
    for (const k of ['lines', 'branches']) {
      total[k][0] += c[k].covered;
      total[k][1] += c[k].total;
    }
  }
  const pct = ([covered, all]) => (all === 0 ? 100 : (100 * covered) / all).toFixed(2);
  domain = `src/domain coverage: lines ${pct(total.lines)}%, branches ${pct(total.branches)}% (thresholds 95% / 90%)\n`;
} catch {
  // no coverage summary (a run with --coverage=false)
}
process.stdout.write(`\nNode ${process.versions.node}\n${domain}${line}\n`);
process.exit(jest.status ?? 1);
