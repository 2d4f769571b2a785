import type { AccountStatus, InactivityState, UserFilterDto } from '../../../contract';

export type TriState = 'any' | 'yes' | 'no';

/** What the filter controls hold; `toFilterDto` turns it into the users.list / bulk filter. */
export interface FilterState {
  search: string;
  status: 'any' | AccountStatus;
  productKey: string;
  inactivity: 'any' | InactivityState;
  groupId: string | null;
  managed: 'any' | 'managed' | 'external';
  billable: TriState;
  protectedUsers: TriState;
}

export const emptyFilter: FilterState = {
  search: '',
  status: 'any',
  productKey: 'any',
  inactivity: 'any',
  groupId: null,
  managed: 'any',
  billable: 'any',
  protectedUsers: 'any',
};

/** The states the Inactive users view (I1) covers when no single state is chosen. */
export const inactiveStates: InactivityState[] = ['warning', 'overdue', 'never-active'];

const triState = (value: TriState): boolean | undefined => (value === 'any' ? undefined : value === 'yes');

/**
 * The contract filter for the controls' state. `inactiveOnly` (I1) narrows "any state" to warning, overdue and
 * never-active; with a product chosen, the state is that product's.
 */
export const toFilterDto = (state: FilterState, inactiveOnly = false): UserFilterDto => {
  const filter: UserFilterDto = {};
  const search = state.search.trim();
  if (search !== '') filter.search = search;
  if (state.status !== 'any') filter.accountStatus = [state.status];
  if (state.productKey !== 'any') filter.productKey = state.productKey;
  if (state.inactivity !== 'any') filter.inactivity = [state.inactivity];
  else if (inactiveOnly) filter.inactivity = inactiveStates;
  if (state.groupId !== null) filter.groupId = state.groupId;
  if (state.managed !== 'any') filter.managed = state.managed === 'managed';
  const billable = triState(state.billable);
  if (billable !== undefined) filter.billable = billable;
  const isProtected = triState(state.protectedUsers);
  if (isProtected !== undefined) filter.protected = isProtected;
  return filter;
};
