import { accountStatuses, accountTypes, auditActions, auditOutcomes, errorCodes, inactivityStates, membershipStatuses, skipReasons, taskMethods, taskSkipReasons } from '../../../contract';
import type { Locale } from '../../i18n/LocaleContext';
import type { CsvWords } from './protocol';
import { taskSkipReasonKey } from '../tasks/runs/runText';

/** The subtree of the audit sentences' templates (a subtree, not a text: read whole with `returnObjects`). */
const AUDIT_PHRASES = 'auditDetails';

const dictionary = (codes: readonly string[], word: (code: string) => string): Record<string, string> =>
  Object.fromEntries(codes.map((code) => [code, word(code)]));

/** Every template under `prefix`, flattened to full keys (plural forms are keys of their own). */
const templates = (tree: unknown, prefix: string): Record<string, string> => {
  if (typeof tree === 'string') return { [prefix]: tree };
  if (typeof tree !== 'object' || tree === null) return {};
  return Object.assign({}, ...Object.entries(tree).map(([key, value]) => templates(value, `${prefix}.${key}`))) as Record<string, string>;
};

/** X1–X3: the words a CSV is written with, translated for the viewer (codes stay in the `…Code` columns). */
export const csvWords = ({ t }: Pick<Locale, 't'>, locale: string): CsvWords => ({
  locale,
  yes: t('common.yes'),
  no: t('common.no'),
  values: {
    accountType: dictionary(accountTypes, (c) => t(`accountType.${c}`)),
    accountStatus: dictionary(accountStatuses, (c) => t(`accountStatus.${c}`)),
    membershipStatus: dictionary(membershipStatuses, (c) => t(`membershipStatus.${c}`)),
    inactivity: dictionary(inactivityStates, (c) => t(`states.${c}`)),
    action: dictionary(auditActions, (c) => t(`audit.actions.${c}`)),
    outcome: dictionary(auditOutcomes, (c) => t(`audit.outcomes.${c}`)),
    reason: { ...dictionary(skipReasons, (c) => t(`bulk.reasons.${c}`)), ...dictionary(errorCodes, (c) => t(`errors.${c}`)) },
    decision: dictionary(['will-change', 'skip'], (c) => t(`taskRuns.decisions.${c}`)),
    taskMethod: dictionary(taskMethods, (c) => t(`taskRuns.methods.${c}`)),
    taskReason: dictionary(taskSkipReasons, (c) => t(taskSkipReasonKey(c))),
  },
  actor: {
    task: t('audit.actor.task', { name: '{{name}}' }),
    taskUnknown: t('audit.actor.taskUnknown'),
    system: t('audit.actor.system'),
    caller: t('callers.actor', { name: '{{name}}' }),
    callerUnknown: t('callers.actorUnknown'),
  },
  phrases: templates(t(AUDIT_PHRASES, { returnObjects: true }), AUDIT_PHRASES),
});
