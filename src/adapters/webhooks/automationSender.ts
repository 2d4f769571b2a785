import { fetch } from '@forge/api';
import { DomainError } from '../../domain/model/errors';
import type { SendResult, WebhookSender } from '../../domain/ports/webhookTargets';

/** The header Automation's incoming-webhook trigger reads the rule's secret from. */
export const TOKEN_HEADER = 'X-Automation-Webhook-Token';
/** An attempt that has no answer after this long counts as TIMEOUT (and is retried). */
export const SEND_TIMEOUT_MS = 15_000;

const retryAfterOf = (response: { headers: { get(name: string): string | null } }): number | null => {
  const value = response.headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
};

/**
 * POSTs a delivery through @forge/api's `fetch` (the manifest's egress to api-private.atlassian.com) with the
 * target's secret as `X-Automation-Webhook-Token`, and nothing else of it: the secret is in no URL, log line or
 * error. The response body is not read beyond its status; a redirect is not followed (a 3xx is refused).
 */
export const automationSender = (secretOf: (targetId: string) => Promise<string | null>, timeoutMs = SEND_TIMEOUT_MS): WebhookSender => ({
  send: async (target, body): Promise<SendResult> => {
    const secret = await secretOf(target.id);
    if (secret === null) throw new DomainError('NOT_FOUND', 'The webhook target has no secret');
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: secret },
        body,
        signal,
        // A 3xx is answered, not followed: following it would replay the token header to wherever it points.
        redirect: 'manual',
      });
      await response.text().catch(() => '');
      return { kind: 'answered', status: response.status, retryAfterSeconds: retryAfterOf(response) };
    } catch {
      // Whatever the transport throws on abort, the signal says whether the time-out ended the attempt.
      return { kind: 'no-answer', error: signal.aborted ? 'TIMEOUT' : 'NETWORK' };
    }
  },
});
