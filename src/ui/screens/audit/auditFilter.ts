import type { AuditActionDto, AuditListPayload } from '../../../contract';
import { startOfDayIso } from '../../i18n/zonedDate';

export type Outcome = 'succeeded' | 'failed' | 'skipped';

/** What the audit filter controls hold (A2). Days are `YYYY-MM-DD` in the viewer's zone; `to` is inclusive here. */
export interface AuditFilterState {
  fromDay: string;
  toDay: string;
  action: 'any' | AuditActionDto;
  outcome: 'any' | Outcome;
  actorId: string;
  targetAccountId: string;
  search: string;
}

export const emptyAuditFilter: AuditFilterState = { fromDay: '', toDay: '', action: 'any', outcome: 'any', actorId: '', targetAccountId: '', search: '' };

/** The audit.list filter (without paging): the `to` day is included, so the bound is the next day's start. */
export const toAuditPayload = (state: AuditFilterState, timeZone: string | null): Omit<AuditListPayload, 'limit' | 'after'> => {
  const payload: Omit<AuditListPayload, 'limit' | 'after'> = {};
  const from = startOfDayIso(state.fromDay, timeZone);
  const to = startOfDayIso(state.toDay, timeZone, 1);
  if (from !== null) payload.from = from;
  if (to !== null) payload.to = to;
  if (state.action !== 'any') payload.actions = [state.action];
  if (state.outcome !== 'any') payload.outcome = [state.outcome];
  const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  const actorId = text(state.actorId);
  const target = text(state.targetAccountId);
  const search = text(state.search);
  if (actorId !== undefined) payload.actorId = actorId;
  if (target !== undefined) payload.targetAccountId = target;
  if (search !== undefined) payload.search = search;
  return payload;
};
