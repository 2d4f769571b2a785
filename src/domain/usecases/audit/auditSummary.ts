import { z } from 'zod';
import type { AuditEntry } from '../../model/audit';
import { taskSummary } from './taskSummary';
import { webhookSummary } from './webhookSummary';

/** A value a sentence shows, typed so that the viewer's side formats it in the viewer's language. */
export type PhraseParam =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  /** An instant (ISO-8601), shown as a date. */
  | { kind: 'date'; value: string }
  /** Milliseconds, shown as "1 min 12 s". */
  | { kind: 'duration'; value: number }
  /** Names joined as a list ("a, b and c"). */
  | { kind: 'list'; value: string[] }
  /** Phrases translated one by one, then joined as a list. */
  | { kind: 'phrases'; value: Phrase[] };

/**
 * A translatable sentence: an i18next key under `auditDetails` and its parameters. A `count` number parameter
 * also picks the plural form.
 */
export interface Phrase {
  key: string;
  params: Record<string, PhraseParam>;
}

/** Names the stored details refer to by key: the org's products by key and workspace. */
export interface SummaryNames {
  productName: (productKey: string, resourceId: string) => string | null;
}

type Details = AuditEntry['details'];

const K = 'auditDetails';
const phrase = (key: string, params: Record<string, PhraseParam> = {}): Phrase => ({ key: `${K}.${key}`, params });
const text = (value: string): PhraseParam => ({ kind: 'text', value });
const count = (value: number): PhraseParam => ({ kind: 'number', value });
const str = (d: Details, key: string): string | null => (typeof d[key] === 'string' && d[key] !== '' ? d[key] : null);
const num = (d: Details, key: string): number => (typeof d[key] === 'number' ? d[key] : 0);
const namesSchema = z.array(z.string());
/** The group names a bulk change stored (a JSON array); none when absent or unreadable. */
const groupNamesOf = (d: Details): string[] => {
  const stored = str(d, 'groupNames');
  if (stored === null) return [];
  try {
    return namesSchema.catch([]).parse(JSON.parse(stored));
  } catch {
    return [];
  }
};
const phrases = (keys: readonly string[]): PhraseParam => ({ kind: 'phrases', value: keys.map((k) => phrase(k)) });

/** Sync counters an admin cares about, in the order the sentence names them. */
const syncCounts = ['users', 'groups', 'membershipUsers', 'activityFilled', 'projectRoleMembers', 'customers', 'markedLeft'] as const;
const syncEnds = new Set(['succeeded', 'partially-failed', 'failed']);

const bulkSummary = (entry: AuditEntry, names: SummaryNames): Phrase => {
  const d = entry.details;
  const productKey = str(d, 'productKey');
  const product = productKey === null ? '' : (names.productName(productKey, str(d, 'resourceId') ?? '') ?? productKey);
  const groups = groupNamesOf(d);
  const params = { product: text(product), groups: { kind: 'list', value: groups } as const, count: count(groups.length) };
  const method = str(d, 'method');
  const main =
    method === null
      ? phrase(`notChanged.${str(d, 'bulkAction') ?? 'unknown'}`, params)
      : phrase(`${entry.outcome === 'succeeded' ? 'changed' : 'failed'}.${method}${method === 'group-remove' && groups.length === 0 ? '-unnamed' : ''}`, params);
  const answer = str(d, 'apiReason');
  return answer === null ? main : phrase('withAnswer', { what: { kind: 'phrases', value: [main] }, answer: text(answer) });
};

const syncSummary = (d: Details): Phrase | null => {
  const what = phrases((str(d, 'dataTypes') ?? '').split(',').filter((t) => t !== '').map((t) => `dataTypes.${t}`));
  const event = str(d, 'event') ?? '';
  if (event === 'started') return phrase(`sync.started.${str(d, 'trigger') ?? 'manual'}`, { what });
  if (!syncEnds.has(event)) return null;
  const read = syncCounts.filter((c) => num(d, c) > 0).map((c) => phrase(`counts.${c}`, { count: count(num(d, c)) }));
  const counts: PhraseParam = { kind: 'phrases', value: read.length === 0 ? [phrase('counts.nothing')] : read };
  return phrase(`sync.${event}`, { what, counts, duration: { kind: 'duration', value: num(d, 'durationMs') }, count: count(num(d, 'errors')) });
};

const callerSummary = (action: 'created' | 'revoked', d: Details): Phrase =>
  phrase(`caller.${action}`, {
    name: text(str(d, 'callerName') ?? ''),
    actions: phrases((str(d, 'actions') ?? '').split(',').filter((a) => a !== '').map((a) => `caller.actions.${a}`)),
  });

const keySetSummary = (d: Details): Phrase =>
  phrase(`apiKeySet.${str(d, 'expirySource') ?? 'none'}`, { org: text(str(d, 'orgName') ?? str(d, 'orgId') ?? '') });

/**
 * A5: the audit entry's details as a sentence an admin reads, built from what its writer stored (the stored
 * details stay as they are, for machines). Null when the entry holds nothing worth a sentence.
 */
export const auditSummary = (entry: AuditEntry, names: SummaryNames): Phrase | null => {
  const d = entry.details;
  if (str(d, 'bulkAction') !== null) return bulkSummary(entry, names);
  switch (entry.action) {
    case 'sync.run':
      return syncSummary(d);
    case 'api-key.set':
      return keySetSummary(d);
    case 'api-key.remove':
      return phrase('apiKeyRemoved');
    case 'api-key.expiry-notice':
      return str(d, 'expiresAt') === null ? null : phrase('apiKeyNotice', { date: { kind: 'date', value: str(d, 'expiresAt') ?? '' } });
    case 'caller.create':
      return callerSummary('created', d);
    case 'caller.revoke':
      return callerSummary('revoked', d);
    case 'settings.update':
      return phrase('settings', { sections: phrases((str(d, 'sections') ?? '').split(',').filter((s) => s !== '').map((s) => `sections.${s}`)) });
    default:
      return webhookSummary(entry) ?? taskSummary(entry);
  }
};
