import { loadProductSpec, specOf } from './jiraSpecs';

const describe = (e: { instancePath?: string; message?: string; params?: unknown }): string =>
  `${e.instancePath ?? ''} ${e.message ?? 'invalid'} ${JSON.stringify(e.params ?? {})}`.trim();

const split = (fullPath: string): { pathname: string; search: string } => {
  const [pathname = '', search = ''] = fullPath.split('?');
  return { pathname, search };
};

/** Errors of a GET (path, query, headers) against its operation; [] when valid. */
export const requestErrors = async (method: string, fullPath: string, headers: Record<string, string> = {}): Promise<string[]> => {
  const api = await loadProductSpec(specOf(fullPath));
  const { pathname, search } = split(fullPath);
  const request = { method: method.toLowerCase(), path: pathname, query: search, headers };
  const op = api.router.matchOperation(request);
  if (!op) return [`no operation for ${method} ${pathname}`];
  return (api.validator.validateRequest(request, op).errors ?? []).map(describe);
};

/**
 * Errors of a response against its operation's declaration for `status` (an undeclared status, a body where none
 * is declared or none where one is, and schema violations); [] when valid.
 */
export const responseErrors = async (method: string, fullPath: string, status: number, body: unknown): Promise<string[]> => {
  const api = await loadProductSpec(specOf(fullPath));
  const { pathname, search } = split(fullPath);
  const op = api.router.matchOperation({ method: method.toLowerCase(), path: pathname, query: search, headers: {} });
  if (!op) return [`no operation for ${method} ${pathname}`];
  const declared = (op.responses as Record<string, { content?: Record<string, unknown> } | undefined> | undefined)?.[String(status)];
  if (!declared) return [`status ${String(status)} is not declared for ${String(op.operationId)}`];
  const json = declared.content !== undefined && 'application/json' in declared.content;
  if (!json) return body === undefined ? [] : [`status ${String(status)} declares no body, got one`];
  if (body === undefined) return [`status ${String(status)} declares a JSON body, got none`];
  return (api.validator.validateResponse(body, op, status).errors ?? []).map(describe);
};
