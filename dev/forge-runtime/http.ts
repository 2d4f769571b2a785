/**
 * Small helpers to answer `__forge_fetch__` calls with real `Response` objects, the way the Forge
 * runtime proxy does: JSON bodies, empty 204s and Forge's `{ code, message }` error bodies.
 */

/** A JSON response with the given status (200 by default). */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A response without a body (204 by default). */
export function emptyResponse(status = 204): Response {
  return new Response(null, { status });
}

/** Forge's error body: `{ code, message, ...extra }` with an HTTP status. */
export function errorResponse(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return jsonResponse({ code, message, ...extra }, status);
}

/** Reads a request body given to `fetch`-like calls as text (the @forge packages always send strings). */
export function bodyText(init: RequestInit | undefined): string {
  const body = init?.body;
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  throw new TypeError('forge-runtime: only string or byte request bodies are supported');
}

/** Parses a JSON request body; `undefined` when it is not valid JSON. */
export function parseJsonBody(init: RequestInit | undefined): unknown {
  try {
    return JSON.parse(bodyText(init)) as unknown;
  } catch {
    return undefined;
  }
}

/** Byte length of a UTF-8 string. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
