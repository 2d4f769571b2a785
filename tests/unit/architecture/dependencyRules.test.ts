import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '../../..');

/** Runs the project's dependency rules over a throwaway tree holding the given files. */
const cruise = (files: Record<string, string>): { status: number | null; output: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'ulo-deps-'));
  try {
    for (const name of ['.dependency-cruiser.cjs', 'tsconfig.json']) copyFileSync(join(root, name), join(dir, name));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(join(root, 'node_modules/.bin/depcruise'), ['--config', '.dependency-cruiser.cjs', 'src'], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('dependency rules (ARCHITECTURE §1)', () => {
  it('accept a domain that uses only itself, zod and date-fns', () => {
    const result = cruise({
      'src/domain/a.ts': "import { z } from 'zod';\nimport { addDays } from 'date-fns';\nimport { b } from './b';\nexport const a = [z, addDays, b];\n",
      'src/domain/b.ts': 'export const b = 1;\n',
    });
    expect(result.output).toContain('no dependency violations');
    expect(result.status).toBe(0);
  });

  it('refuse a domain that imports Forge, an adapter or a Node built-in', () => {
    const result = cruise({
      'src/domain/bad.ts': "import { fetch } from '@forge/api';\nimport { x } from '../adapters/x';\nimport { readFileSync } from 'node:fs';\nexport const bad = [fetch, x, readFileSync];\n",
      'src/adapters/x.ts': 'export const x = 1;\n',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/domain-is-pure: src\/domain\/bad\.ts → (\.\.\/)*[^ ]*node_modules\/@forge\/api/);
    expect(result.output).toMatch(/domain-is-pure: src\/domain\/bad\.ts → src\/adapters\/x\.ts/);
    expect(result.output).toMatch(/domain-no-node-builtins/);
  });

  it('refuse UI → adapters or triggers, and adapters → UI', () => {
    const result = cruise({
      'src/ui/screen.ts': "import { x } from '../adapters/x';\nimport { t } from '../triggers/t';\nexport const s = [x, t];\n",
      'src/adapters/x.ts': "import { u } from '../ui/u';\nexport const x = u;\n",
      'src/triggers/t.ts': 'export const t = 1;\n',
      'src/ui/u.ts': 'export const u = 1;\n',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/ui-not-to-adapters-or-triggers: src\/ui\/screen\.ts → src\/adapters\/x\.ts/);
    expect(result.output).toMatch(/ui-not-to-adapters-or-triggers: src\/ui\/screen\.ts → src\/triggers\/t\.ts/);
    expect(result.output).toMatch(/adapters-not-to-ui: src\/adapters\/x\.ts → src\/ui\/u\.ts/);
  });
});
