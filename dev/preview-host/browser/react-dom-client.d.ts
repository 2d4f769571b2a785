/**
 * The part of react-dom/client the host uses (react-dom 18.3.1 is installed without @types/react-dom).
 */
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';

  /** A React 18 root. */
  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }

  /** Creates a concurrent root in `container`. */
  export function createRoot(container: Element | DocumentFragment): Root;
}
