import type { SpecName } from '../../../support/openapi';
import { loadSpec } from '../../../support/openapi';

/**
 * Two defects of the official documents that make Ajv fail on valid requests (reported; they belong in
 * tests/support/openapi.ts):
 * - `QueryVariants` (workspaces search body) has `nullable: true` without a `type`: Ajv refuses to compile it.
 * - the User management `AccountId` pattern ends in a newline (`[a-zA-Z0-9_|:-]{1,128}\n`), so no path matches.
 * Patches the loaded (dereferenced) document in place before any operation's validator is compiled.
 */
export const patchSpecQuirks = async (name: SpecName): Promise<void> => {
  const api = await loadSpec(name);
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const o = node as Record<string, unknown>;
    if ('nullable' in o && !('type' in o) && ('anyOf' in o || 'oneOf' in o || 'allOf' in o)) delete o.nullable;
    if (typeof o.pattern === 'string' && o.pattern !== o.pattern.trim()) o.pattern = o.pattern.trim();
    for (const value of Object.values(o)) visit(value);
  };
  visit(api.definition);
};
