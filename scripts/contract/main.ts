import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contractFile, generateContract, sourcesDir } from './compact';
import type { ContractName } from './operations';

/**
 * `npm run contract:generate`: writes contract/openapi/<name>.json from the official documents in ../shared/specs
 * (or the directory given as the first argument). Run from the project root, as npm does.
 */
const root = process.cwd();
const from = process.argv[2] ?? sourcesDir(root);
const contract = generateContract(from);
if (contract === undefined) {
  process.stderr.write(`No official documents in ${from} (SOURCES.md missing): the committed contract is left as it is.\n`);
  process.exit(1);
}
for (const [name, text] of Object.entries(contract)) {
  const file = contractFile(root, name as ContractName);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  process.stdout.write(`${path.relative(root, file)}: ${String(Buffer.byteLength(text))} bytes\n`);
}
