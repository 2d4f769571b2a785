import { z } from 'zod';
import { DomainError, type ErrorCode } from '../../domain/model/errors';

const applicationErrors = z.object({
  errors: z
    .array(
      z.object({
        code: z.string().optional(),
        title: z.string().optional(),
        detail: z.string().nullish(),
      }),
    )
    .min(1),
});
const proxyError = z.object({ code: z.union([z.number(), z.string()]).optional(), message: z.string() });
const userManagementError = z.object({
  key: z.string(),
  context: z.object({ reason: z.object({ key: z.string() }).optional() }).optional(),
});

/** What an error body says, in the shapes the three Admin API documents use. */
export interface ApiProblem {
  /** `ADMIN-403-3`, `ADMIN-UAM-409-3`, `forbidden.action` ...; null when the body names none. */
  code: string | null;
  /** Human-readable reason for details and logs (never contains the key). */
  reason: string;
}

/** Reads `{errors:[{code,title,detail}]}`, `ProxyError {code,message}` or User management `{key,context}`. */
export const describeProblem = (body: unknown, status: number): ApiProblem => {
  const app = applicationErrors.safeParse(body);
  if (app.success) {
    const first = app.data.errors[0];
    const text = [first?.title, first?.detail].filter((s): s is string => Boolean(s)).join(': ');
    return { code: first?.code ?? null, reason: text || (first?.code ?? `HTTP ${status}`) };
  }
  const proxy = proxyError.safeParse(body);
  if (proxy.success) return { code: null, reason: proxy.data.message };
  const um = userManagementError.safeParse(body);
  if (um.success) {
    const why = um.data.context?.reason?.key;
    return { code: um.data.key, reason: why ? `${um.data.key}: ${why}` : um.data.key };
  }
  return { code: null, reason: typeof body === 'string' && body.length > 0 ? body.slice(0, 200) : `HTTP ${status}` };
};

/** The 409 codes of "product license limit exceeded": roles endpoints (`ApiError`) and v1 (`ApplicationError`). */
const licenseLimitCodes: ReadonlySet<string> = new Set(['ADMIN-UAM-409-3', 'ADMIN-409-3']);

const codeForStatus = (status: number, apiCode: string | null): ErrorCode => {
  if (status === 401) return 'API_KEY_REJECTED';
  if (status === 403) return 'API_KEY_FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return apiCode !== null && licenseLimitCodes.has(apiCode) ? 'LICENSE_LIMIT_REACHED' : 'CONFLICT';
  if (status === 400 || status === 422) return 'VALIDATION_FAILED';
  return 'UPSTREAM_FAILED';
};

const messages: Partial<Record<ErrorCode, string>> = {
  API_KEY_REJECTED: 'The organization API key was rejected (expired or revoked).',
  API_KEY_FORBIDDEN: 'The organization API key may not do this (a key with scopes, or missing admin rights).',
  NOT_FOUND: 'The Admin API did not find the organization, directory, user or group.',
  CONFLICT: 'The Admin API refused the change because of a conflict.',
  LICENSE_LIMIT_REACHED: 'The Admin API refused the grant: the product has no free license.',
  VALIDATION_FAILED: 'The Admin API rejected the request as invalid.',
};

/** The DomainError for a final (non-retried) HTTP status. */
export const errorForStatus = (operation: string, status: number, problem: ApiProblem): DomainError => {
  const code = codeForStatus(status, problem.code);
  const message = messages[code] ?? `The Admin API failed with HTTP ${status}.`;
  return new DomainError(code, `${message} (${operation}: ${problem.reason})`, {
    operation,
    status,
    apiCode: problem.code,
    reason: problem.reason,
  });
};
