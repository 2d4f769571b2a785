import { deliveryStatuses, webhookTriggers } from '../../../src/contract';
import { deliveryErrors } from '../../../src/domain/policy/webhookRetry';
import { targetProblems } from '../../../src/domain/policy/webhookTarget';
import enUS from '../../../locales/en-US.json';

const has = (key: string): boolean => {
  let node: unknown = enUS;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node !== '';
};

describe('locales/en-US.json: the Automation webhooks block (S7)', () => {
  it('names every trigger, status, refusal reason and delivery error the screens and the audit log show', () => {
    const keys = [
      ...webhookTriggers.flatMap((t) => [`webhooks.triggers.${t}.name`, `webhooks.triggers.${t}.description`]),
      ...deliveryStatuses.map((s) => `webhooks.statuses.${s}`),
      ...targetProblems.map((p) => `webhooks.reasons.${p}`),
      ...deliveryErrors.map((e) => `webhooks.errors.${e}`),
      ...['too-many-targets', 'duplicate-target'].map((r) => `webhooks.conflict.${r}`),
    ];
    expect(keys.filter((k) => !has(k))).toEqual([]);
  });
});
