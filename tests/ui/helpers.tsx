/**
 * Shared steps for the UI tests: mount a tree through the real @forge/react reconciler (the fake bridge must be
 * imported first by the test file), answer resolvers with contract-shaped envelopes, and act like an admin:
 * press buttons, pick options, type text, open tabs — by calling the handlers that stay in the forgeDoc.
 */
import { bridge, findAll, renderedText, resetBridge, waitFor, type ForgeDoc } from '../support/fakeBridge';
import React, { useState } from 'react';
import ForgeReconciler from '@forge/react';
import { App } from '../../src/ui/App';
import { timing } from '../../src/ui/hooks/usePolling';

timing.pollMs = 5;

type Handler = (payload: never) => unknown;

let unmountPrevious: (() => void) | null = null;

const Harness = (props: { children: React.ReactNode }): React.JSX.Element | null => {
  const [shown, setShown] = useState(true);
  unmountPrevious = () => {
    setShown(false);
  };
  return shown ? <>{props.children}</> : null;
};

/** Unmounts whatever a previous test rendered (stopping its polls), then renders `element`. */
export const mount = async (element: React.JSX.Element, handlers: Record<string, Handler>): Promise<void> => {
  unmountPrevious?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
  resetBridge();
  for (const [key, handler] of Object.entries(handlers)) bridge.handlers.set(key, handler as (payload: unknown) => unknown);
  ForgeReconciler.render(<Harness>{element}</Harness>);
  await waitFor(() => bridge.doc !== null);
};

export const ok = <T,>(data: T): { ok: true; data: T } => ({ ok: true, data });
export const fail = (code: string, details?: Record<string, unknown>) => ({
  ok: false as const,
  error: { code, messageKey: `errors.${code}`, ...(details === undefined ? {} : { details }) },
});

export const fullAccess = ok({ grant: { level: 'full', via: 'org-admin' }, apiKeyConfigured: true });

/** Renders the whole admin page for a configured org admin and opens `tab` (by its label). */
export const renderApp = async (handlers: Record<string, Handler>, tab?: string): Promise<void> => {
  await mount(<App />, { 'app.bootstrap': () => fullAccess, 'dashboard.get': () => fail('INTERNAL'), ...handlers });
  await waitFor(() => findAll('Tabs').length > 0);
  if (tab !== undefined) openTab(tab);
};

export const textOf = (node: ForgeDoc): string => renderedText(node);

/** The node's own string props and text, for matching buttons and options. */
const matches = (node: ForgeDoc, label: string): boolean => textOf(node).includes(label);

/** Presses the first Button / LoadingButton whose text contains `label`. */
export const click = (label: string): void => {
  const button = [...findAll('Button'), ...findAll('LoadingButton')].find((b) => matches(b, label));
  if (!button) throw new Error(`No button "${label}" in: ${renderedText()}`);
  if (button.props.isDisabled === true) throw new Error(`Button "${label}" is disabled`);
  if (button.props.onClick === undefined && button.props.type === 'submit') submitFormOf(button);
  else (button.props.onClick as () => void)();
};

/** Submits the Form holding `node`, as the browser does for its submit button or Enter in one of its text fields. */
const submitFormOf = (node: ForgeDoc): void => {
  const form = findAll('Form').find((f) => findAll(node.type, f).includes(node));
  if (!form) throw new Error(`No Form around the ${node.type}`);
  (form.props.onSubmit as () => void)();
};

/** Presses Enter in the Textfield with this id: submits its Form (a field outside a Form ignores Enter). */
export const pressEnter = (id: string): void => {
  submitFormOf(byId('Textfield', id));
};

export const isDisabled = (label: string): boolean => {
  const button = [...findAll('Button'), ...findAll('LoadingButton')].find((b) => matches(b, label));
  if (!button) throw new Error(`No button "${label}"`);
  return button.props.isDisabled === true;
};

export const byId = (type: string, id: string, prop = 'id'): ForgeDoc => {
  const node = findAll(type).find((n) => typeof n.props[prop] === 'string' && n.props[prop].endsWith(`-${id}`));
  if (!node) throw new Error(`No ${type} #${id}`);
  return node;
};

/** Types into the Textfield with this id (UI Kit sends a serialised event). */
export const type = (id: string, value: string): void => {
  (byId('Textfield', id).props.onChange as (e: unknown) => void)({ target: { value } });
};

/** Picks the option with this value in the Select whose input has this id. */
export const pick = (id: string, value: string): void => {
  const select = byId('Select', id, 'inputId');
  const options = select.props.options as { label: string; value: string }[];
  const option = options.find((o) => o.value === value);
  if (!option) throw new Error(`No option ${value} in #${id}: ${options.map((o) => o.value).join(', ')}`);
  (select.props.onChange as (o: unknown) => void)(option);
};

export const selectValue = (id: string): unknown => (byId('Select', id, 'inputId').props.value as { value?: unknown } | null)?.value;

/** The text of the Labels `labelFor` this checkbox (a row checkbox's label is a separate, visually hidden Label). */
const labelsOf = (box: ForgeDoc): string =>
  findAll('Label').filter((l) => box.props.id !== undefined && l.props.labelFor === box.props.id).map((l) => textOf(l)).join(' ');

/** Ticks or clears the Checkbox whose label (its own, or a Label for it) contains `label`. */
export const check = (label: string, checked = true): void => {
  const box = findAll('Checkbox').find((c) => (typeof c.props.label === 'string' ? c.props.label : labelsOf(c)).includes(label));
  if (!box) throw new Error(`No checkbox "${label}"`);
  (box.props.onChange as (e: unknown) => void)({ target: { checked } });
};

/** Opens the tab labelled `label` in whichever Tabs holds it. */
export const openTab = (label: string): void => {
  for (const tabs of findAll('Tabs')) {
    const list = tabs.children.find((child) => child.type === 'TabList');
    const index = (list?.children ?? []).filter((child) => child.type === 'Tab').findIndex((tab) => textOf(tab) === label);
    if (index >= 0) {
      (tabs.props.onChange as (i: number) => void)(index);
      return;
    }
  }
  throw new Error(`No tab "${label}"`);
};

/** Cell texts of every DynamicTable row, in order (the head excluded). */
export const tableRows = (table: ForgeDoc | undefined = findAll('DynamicTable')[0]): string[][] => {
  if (!table) return [];
  const wrapper = table.children.find((c) => c.props.name === 'rows');
  return (wrapper?.children ?? []).map((row) => row.children.map((cell) => textOf(cell)));
};

export const calls = (key: string): unknown[] => bridge.calls.filter((c) => c.functionKey === key).map((c) => c.payload);

export const text = (): string => renderedText();

const namespaces = ['app', 'tabs', 'common', 'paging', 'states', 'dashboard', 'users', 'bulk', 'audit', 'settings', 'export', 'errors', 'validation', 'filters', 'sort', 'sync', 'jobStatus', 'accountStatus', 'jobs', 'tasks'];
/** Words that look like one of our i18next key paths: a translation is missing. */
export const rawKeys = (rendered: string = renderedText()): string[] =>
  rendered.split(/\s+/).filter((word) => namespaces.some((ns) => word.startsWith(`${ns}.`)) && /^[a-zA-Z]+\.[a-zA-Z.-]+$/.test(word));
/**
 * Props that hold React elements: the host receives the forgeDoc as data, so an element there would not arrive.
 * Returns `type.prop` for each one found.
 */
export const elementProps = (doc: ForgeDoc | null = bridge.doc): string[] => {
  if (!doc) return [];
  const own = Object.entries(doc.props)
    .filter(([, value]) => typeof value === 'object' && value !== null && '$$typeof' in value)
    .map(([key]) => `${doc.type}.${key}`);
  return [...own, ...doc.children.flatMap((child) => elementProps(child))];
};

export { waitFor };
