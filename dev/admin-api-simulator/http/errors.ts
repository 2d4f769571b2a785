import type { ErrorStyle } from './route';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

let sequence = 0;

/** The body of an error answer in the given style; undefined = no body. */
export function errorBody(style: ErrorStyle, status: number, code: string, detail: string): unknown {
  sequence += 1;
  const item = {
    id: `sim-error-${String(sequence)}`,
    status: String(status),
    code,
    title: TITLES[status] ?? 'Error',
    detail,
  };
  switch (style) {
    case 'errors':
      return { errors: [item] };
    case 'application-error':
      return item;
    case 'proxy':
      return { code: status, message: detail };
    case 'key':
      return { key: keyFor(status) };
    case 'api-access':
      return { errors: [{ ...item, code: API_ACCESS_CODES.has(code) ? code : 'GENERIC_ERROR' }] };
    case 'none':
      return undefined;
  }
}

const API_ACCESS_CODES = new Set([
  'INVALID_API_TOKEN_SEARCH_QUERY', 'INVALID_FIELD_FORMAT', 'INVALID_PAGE_SIZE', 'INVALID_SORT',
  'FEATURE_NOT_ENABLED', 'GENERIC_ERROR',
]);

function keyFor(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'accountNotFound';
  return 'error';
}
