import type { AuditActionDto, AuditListPayload } from '../../../contract';
import type { Picked } from '../../components/SearchPicker';
import { startOfDayIso } from '../../i18n/zonedDate';

export type Outcome = 'succeeded' | 'failed' | 'skipped';

/** One job whose entries are shown, chosen by clicking one of its entries; `label` says which to the admin. */
export interface JobChoice {
  id: string;
  label: string;
}

/**
 * What the audit filter controls hold (A2). Days are `YYYY-MM-DD` in the viewer's zone; `to` is inclusive here.
 * The acting admin and the affected user are people picked by name (their account IDs go to the query); the
 * search finds people by a word of their name or email; a job is chosen from one of its entries, never typed.
 */
export interface AuditFilterState {
  fromDay: string;
  toDay: string;
  action: 'any' | AuditActionDto;
  outcome: 'any' | Outcome;
  actor: Picked | null;
  target: Picked | null;
  job: JobChoice | null;
  search: string;
}

export const emptyAuditFilter: AuditFilterState = { fromDay: '', toDay: '', action: 'any', outcome: 'any', actor: null, target: null, job: null, search: '' };

/** True when both days are set and From comes after To: the range holds nothing, and the screen says so. */
export const isBackwardRange = (state: Pick<AuditFilterState, 'fromDay' | 'toDay'>): boolean =>
  state.fromDay !== '' && state.toDay !== '' && state.fromDay > state.toDay;

/** The audit.list filter (without paging): the `to` day is included, so the bound is the next day's start. */
export const toAuditPayload = (state: AuditFilterState, timeZone: string | null): Omit<AuditListPayload, 'limit' | 'after'> => {
  const payload: Omit<AuditListPayload, 'limit' | 'after'> = {};
  const from = startOfDayIso(state.fromDay, timeZone);
  const to = startOfDayIso(state.toDay, timeZone, 1);
  if (from !== null) payload.from = from;
  if (to !== null) payload.to = to;
  if (state.action !== 'any') payload.actions = [state.action];
  if (state.outcome !== 'any') payload.outcome = [state.outcome];
  if (state.actor !== null) payload.actorId = state.actor.id;
  if (state.target !== null) payload.targetAccountId = state.target.id;
  if (state.job !== null) payload.jobId = state.job.id;
  const search = state.search.trim();
  if (search !== '') payload.search = search;
  return payload;
};
