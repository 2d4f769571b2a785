/** Why a webhook URL or secret is refused; each has its translated text (`webhooks.reasons.<reason>`). */
export const targetProblems = [
  'url-invalid',
  'url-not-https',
  'url-wrong-host',
  'url-credentials',
  'url-secret-in-url',
  'url-not-webhook',
  'secret-empty',
  'secret-too-short',
  'secret-too-long',
  'secret-malformed',
] as const;
export type TargetProblem = (typeof targetProblems)[number];

export const AUTOMATION_HOST = 'api-private.atlassian.com';
export const MAX_URL_LENGTH = 500;
export const MAX_SECRET_LENGTH = 256;
/** Automation's secrets are 40 hex characters; a shorter one is a slip, and its last four would show most of it. */
export const MIN_SECRET_LENGTH = 16;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `/automation/webhooks/<product>/a/<uuid>/<uuid>`: the form Automation shows for an incoming-webhook trigger. */
const WEBHOOK_PATH = new RegExp(`^/automation/webhooks/[a-z]+/a/${UUID}/${UUID}$`, 'i');
/** The same path with one more segment: the URL form that carries the secret (`https://URL/SECRET`). */
const WEBHOOK_PATH_WITH_SECRET = new RegExp(`^/automation/webhooks/[a-z]+/a/${UUID}/${UUID}/[^/]+/?$`, 'i');

/**
 * Checks an Automation incoming-webhook URL (FEATURES S7): https, the host api-private.atlassian.com on its default
 * port, the webhook path and nothing else — no user or password, no query or fragment, no secret appended. Returns
 * null when the URL is acceptable.
 */
export const urlProblem = (raw: string): TargetProblem | null => {
  const text = raw.trim();
  if (text === '' || text.length > MAX_URL_LENGTH || !URL.canParse(text)) return 'url-invalid';
  const url = new URL(text);
  if (url.protocol !== 'https:') return 'url-not-https';
  if (url.username !== '' || url.password !== '') return 'url-credentials';
  if (url.hostname !== AUTOMATION_HOST || url.port !== '') return 'url-wrong-host';
  // `?` and `#` are refused even when empty: `URL…?` would be stored as another URL of the same rule.
  if (/[?#]/.test(text) || WEBHOOK_PATH_WITH_SECRET.test(url.pathname)) return 'url-secret-in-url';
  return WEBHOOK_PATH.test(url.pathname) ? null : 'url-not-webhook';
};

/** Printable ASCII without spaces: what an HTTP header value can carry unchanged. */
const SECRET_CHARS = /^[\x21-\x7e]+$/;

/** Checks the rule's secret, sent as the `X-Automation-Webhook-Token` header; null when acceptable. */
export const secretProblem = (secret: string): TargetProblem | null => {
  if (secret.trim() === '') return 'secret-empty';
  if (secret.length > MAX_SECRET_LENGTH) return 'secret-too-long';
  if (!SECRET_CHARS.test(secret)) return 'secret-malformed';
  return secret.length < MIN_SECRET_LENGTH ? 'secret-too-short' : null;
};

/**
 * The URL as stored and sent: the Automation host and the webhook path in lower case (its product and UUIDs are
 * case-insensitive), so one rule's URL typed two ways is one target.
 */
export const normalisedUrl = (raw: string): string => `https://${AUTOMATION_HOST}${new URL(raw.trim()).pathname.toLowerCase()}`;
