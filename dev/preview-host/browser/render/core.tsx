/**
 * The forgeDoc → React DOM renderer's core: a registry of one renderer per forgeDoc type (the modules next to this
 * file register theirs), and the fallback for types nobody registered — their children, inside a visible marker,
 * so a missing mapping shows on the page instead of silently dropping content.
 */
import React, { Fragment, type ReactNode } from 'react';
import type { ForgeDoc } from '../forgeDoc';

/** Draws one forgeDoc node (its children through {@link renderChildren}). */
export type NodeRenderer = (node: ForgeDoc) => ReactNode;

const registry = new Map<string, NodeRenderer>();

/** Adds renderers by forgeDoc type. */
export const register = (renderers: Record<string, NodeRenderer>): void => {
  for (const [type, renderer] of Object.entries(renderers)) registry.set(type, renderer);
};

/** The forgeDoc types the host draws. */
export const knownTypes = (): string[] => [...registry.keys()].sort();

const markerStyle: React.CSSProperties = {
  border: '1px dashed #c9372c', borderRadius: 3, padding: 4, margin: 2, display: 'inline-block',
};

/** A type the host does not map: a labelled box around the children. */
const Unknown = (props: { node: ForgeDoc }): React.JSX.Element => (
  <span style={markerStyle} data-forge-unknown={props.node.type} title={`forgeDoc type ${props.node.type} is not mapped by the preview host`}>
    <small style={{ color: '#c9372c', fontFamily: 'monospace' }}>{`<${props.node.type}>`}</small> {renderChildren(props.node)}
  </span>
);

/** One node: text as text, known types through their renderer, anything else through {@link Unknown}. */
export const renderNode = (node: ForgeDoc, index = 0): ReactNode => {
  const key = node.key ?? `${node.type}-${String(index)}`;
  if (node.type === 'String') return <Fragment key={key}>{typeof node.props.text === 'string' ? node.props.text : ''}</Fragment>;
  const renderer = registry.get(node.type);
  return <Fragment key={key}>{renderer === undefined ? <Unknown node={node} /> : renderer(node)}</Fragment>;
};

/** The children of a node, keyed by their forgeDoc keys. */
export const renderChildren = (node: ForgeDoc): ReactNode[] => node.children.map((child, i) => renderNode(child, i));

/** The children of a node that have one of `types` (e.g. the Tab nodes of a TabList). */
export const childrenOfType = (node: ForgeDoc, ...types: string[]): ForgeDoc[] => node.children.filter((c) => types.includes(c.type));

/** React elements the app put into a prop (e.g. EmptyState's `primaryAction`) as forgeDoc, so they can be drawn. */
export const elementToDoc = (value: unknown): ForgeDoc | null => {
  if (typeof value === 'string' || typeof value === 'number') return { type: 'String', props: { text: String(value) }, children: [] };
  if (typeof value !== 'object' || value === null || !('type' in value) || !('props' in value)) return null;
  const { type, props } = value as { type: unknown; props: Record<string, unknown> };
  if (typeof type !== 'string') return null;
  const { children, ...rest } = props;
  const list = Array.isArray(children) ? (children as unknown[]) : children === undefined ? [] : [children];
  return { type, props: rest, children: list.map(elementToDoc).filter((c): c is ForgeDoc => c !== null) };
};

/** Draws a prop that may hold text, a forgeDoc node or a React element of UI Kit components. */
export const renderProp = (value: unknown): ReactNode => {
  if (value === undefined || value === null || typeof value === 'boolean') return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  const doc = elementToDoc(value) ?? (typeof value === 'object' && 'children' in value ? (value as ForgeDoc) : null);
  return doc === null ? null : renderNode(doc);
};
