/**
 * The preview host page: installs `self.__bridge` (the app bundle, loaded right after this one, captures it) and
 * draws every forgeDoc the app reconciles with React DOM and Atlaskit, under a small dev toolbar — our stand-in for
 * the Jira admin page that hosts a UI Kit app.
 */
import React, { Component, useSyncExternalStore, type ErrorInfo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { setGlobalTheme } from '@atlaskit/tokens';
import { setErrorSink } from './appEvents';
import { installPageBridge, type BridgeEvents, type PreviewConfig } from './bridge';
import { AutomationPanel } from './AutomationPanel';
import { DevToolbar } from './DevToolbar';
import { clearErrors, hostStore, reportError, setDoc, showFlag } from './hostState';
import { renderNode } from './render/core';
import { listenToFrames, registerFrame } from './render/frame';
import './render/layout';
import './render/buttons';
import './render/inputs';
import './render/choices';
import './render/forms';
import './render/table';
import './render/tabs';
import './render/modal';
import './render/feedback';
import './render/charts';
import './host.css';

const config = (window as unknown as { __PREVIEW__: PreviewConfig }).__PREVIEW__;
const events: BridgeEvents = { reconcile: setDoc, error: reportError, flag: showFlag };

installPageBridge(config, events);
listenToFrames(config, events);
registerFrame(config);
setErrorSink((error) => { reportError('An app event handler failed', error); });
window.addEventListener('error', (e) => { reportError('Uncaught error', e.error ?? e.message); });
window.addEventListener('unhandledrejection', (e) => { reportError('Unhandled promise rejection', e.reason); });
void setGlobalTheme({ colorMode: 'light' });

/** Keeps one bad node from blanking the page; the next reconcile tries again. */
class DocBoundary extends Component<{ version: number; children: ReactNode }, { failed: Error | null; at: number }> {
  override state = { failed: null as Error | null, at: -1 };
  static getDerivedStateFromError(error: Error): { failed: Error } {
    return { failed: error };
  }
  static getDerivedStateFromProps(props: { version: number }, state: { failed: Error | null; at: number }): { failed: null; at: number } | null {
    return state.failed !== null && props.version !== state.at ? { failed: null, at: props.version } : null;
  }
  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.setState({ at: this.props.version });
    reportError('The host could not draw the forgeDoc', `${error.message}\n${info.componentStack ?? ''}`);
  }
  override render(): ReactNode {
    return this.state.failed === null ? this.props.children : null;
  }
}

const Notices = (): React.JSX.Element | null => {
  useSyncExternalStore(hostStore.subscribe, hostStore.version);
  const errors = hostStore.errors();
  const flags = hostStore.flags();
  if (errors.length === 0 && flags.length === 0) return null;
  return (
    <div style={{ padding: '8px 24px', display: 'grid', gap: 8 }} data-testid="preview-notices">
      {errors.map((e) => (
        <SectionMessage key={e.id} appearance="error" title={e.title} actions={[<a key="x" href="#" onClick={(ev) => { ev.preventDefault(); clearErrors(); }}>Dismiss</a>]}>
          <pre style={{ whiteSpace: 'pre-wrap', margin: 0, maxHeight: 160, overflow: 'auto', fontSize: 11 }}>{e.detail}</pre>
        </SectionMessage>
      ))}
      {flags.map((f) => <SectionMessage key={f.id} appearance="information" title={f.title}>{f.detail}</SectionMessage>)}
    </div>
  );
};

const HostPage = (): React.JSX.Element => {
  const version = useSyncExternalStore(hostStore.subscribe, hostStore.version);
  const doc = hostStore.doc();
  return (
    <div style={{ minHeight: '100vh', background: 'var(--ds-surface, #fff)' }}>
      <DevToolbar banner={config.banner} />
      <AutomationPanel />
      <Notices />
      <main data-testid="forge-app" style={{ padding: '16px 24px 48px' }}>
        {doc === null ? <Spinner size="large" label="Loading the app" /> : <DocBoundary version={version}>{renderNode(doc)}</DocBoundary>}
      </main>
    </div>
  );
};

const rootElement = document.getElementById('preview-root');
if (rootElement === null) throw new Error('preview: #preview-root is missing');
createRoot(rootElement).render(<HostPage />);
