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
process.stdout.write(`\nNode ${process.versions.node}\n${line}\n`);
process.exit(jest.status ?? 1);
