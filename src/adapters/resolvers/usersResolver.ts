import { resolverKeys } from '../../contract';
import { countUsers, listUsers } from '../../domain/usecases/users/listUsers';
import { listCustomers, listProjectUsers, siteChoices } from '../../domain/usecases/users/siteUsers';
import { userDetail } from '../../domain/usecases/users/userDetail';
import { define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

/**
 * Users screen: organization users (U1, U4; also the Inactive users view I1 with an inactivity filter, and the
 * X1 export in pages of 500), the user detail panel (U5), project users (U2) and JSM customers (U3, X2).
 */
export const usersResolvers = (deps: ResolverDeps): ResolverMap => ({
  ...define(deps, resolverKeys.usersList, 'app', ({ payload }) => listUsers(payload, deps)),
  ...define(deps, resolverKeys.usersCount, 'app', ({ payload }) => countUsers(payload.filter, deps)),
  ...define(deps, resolverKeys.usersDetail, 'app', ({ payload }) => userDetail(payload, deps)),
  ...define(deps, resolverKeys.projectUsersList, 'app', ({ payload }) => listProjectUsers(payload, deps)),
  ...define(deps, resolverKeys.customersList, 'app', ({ payload }) => listCustomers(payload, deps)),
  ...define(deps, resolverKeys.projectUsersProjects, 'app', () => siteChoices('projects', deps)),
  ...define(deps, resolverKeys.customersServiceDesks, 'app', () => siteChoices('serviceDesks', deps)),
  ...define(deps, resolverKeys.customersOrganizations, 'app', () => siteChoices('organizations', deps)),
});
