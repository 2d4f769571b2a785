/**
 * The forgeDoc tree @forge/react's reconciler sends with `callBridge('reconcile', {forgeDoc})`: one node per host
 * component, `{type, props, children, key}`, text as `{type: 'String', props: {text}}`, the root `{type: 'Root'}`.
 * The reconciler mutates the same objects on every commit, so the host re-reads the tree on each reconcile.
 */
export interface ForgeDoc {
  type: string;
  props: Record<string, unknown>;
  children: ForgeDoc[];
  key?: string;
}

/** True for a forgeDoc-shaped value. */
export const isForgeDoc = (value: unknown): value is ForgeDoc =>
  typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string'
  && 'children' in value && Array.isArray(value.children);

/** A string prop, or undefined. */
export const str = (props: Record<string, unknown>, name: string): string | undefined => {
  const value = props[name];
  return typeof value === 'string' ? value : undefined;
};

/** A boolean prop, or undefined. */
export const bool = (props: Record<string, unknown>, name: string): boolean | undefined => {
  const value = props[name];
  return typeof value === 'boolean' ? value : undefined;
};

/** A number prop, or undefined. */
export const num = (props: Record<string, unknown>, name: string): number | undefined => {
  const value = props[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

/** A function prop of the app (it runs in this page, so it stays callable), or undefined. */
export const fn = (props: Record<string, unknown>, name: string): ((...args: unknown[]) => unknown) | undefined => {
  const value = props[name];
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown) : undefined;
};

/** All text of a subtree, joined: for labels, tooltips and accessible names. */
export const textOf = (node: ForgeDoc): string =>
  node.type === 'String' ? (typeof node.props.text === 'string' ? node.props.text : '') : node.children.map(textOf).join('');
