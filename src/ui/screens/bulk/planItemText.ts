import type { PlanItemDto } from '../../../contract';
import type { Locale } from '../../i18n/LocaleContext';

/**
 * The plan's "How or why" for one user. For a revoke it names what is removed ("Remove from group jira-users")
 * or the IdP-synced group that blocks it, with the directory it is synced into when known; otherwise the method's
 * or reason's own text.
 */
export const planItemText = (item: PlanItemDto, { t }: Pick<Locale, 't'>): string => {
  const groups = item.groups.join(', ');
  const count = item.groups.length;
  if (item.method === 'group-remove' && count > 0) return t('bulk.planItems.removeFromGroups', { groups, count });
  if (item.method === 'role-revoke') return t('bulk.planItems.revokeRole');
  if (item.reason === 'idp-synced-group' && count > 0) {
    const directories = item.groupDirectories.join(', ');
    return directories === '' ? t('bulk.planItems.idpGroups', { groups, count }) : t('idpGroupDirectory.plan', { groups, count, directories });
  }
  return t(item.messageKey);
};
