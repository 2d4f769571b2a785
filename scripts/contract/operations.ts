/**
 * The operations of the official OpenAPI documents the project relies on, one `METHOD /path` a line (the path as the
 * document spells it, without the `servers` prefix). `npm run contract:generate` cuts each document down to these
 * operations and what they reference into contract/openapi/<name>.json. Adding an operation: add its line here and
 * run the script.
 */

/** The documents of the contract, by the name the tests use. */
export type ContractName = 'organization' | 'userManagement' | 'apiAccess' | 'jira' | 'jsm';

export interface ContractSource {
  /** The document, relative to ../shared/specs (as SOURCES.md names it). */
  file: string;
  operations: readonly string[];
  /** Schemas kept although no operation references them (the error body the narrative gives every operation). */
  schemas?: readonly string[];
}

export const CONTRACT_SOURCES: Record<ContractName, ContractSource> = {
  // Admin API client (src/adapters/admin-api) and the Admin API simulator.
  organization: {
    file: 'atlassian-admin-organization.2026-09-24.openapi.json',
    operations: [
      'GET /v1/orgs',
      'GET /v2/orgs/{orgId}/directories',
      'POST /v2/orgs/{orgId}/workspaces',
      'POST /v2/orgs/{orgId}/directories/{directoryId}/users/search',
      'POST /v2/orgs/{orgId}/directories/{directoryId}/groups/search',
      'GET /v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/role-assignments',
      'GET /v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates',
      'POST /v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend',
      'POST /v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/restore',
      'POST /v1/orgs/{orgId}/users/{userId}/roles/assign',
      'POST /v1/orgs/{orgId}/users/{userId}/roles/revoke',
      'POST /v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/memberships',
      'DELETE /v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/memberships/{accountId}',
      'GET /v1/orgs/{orgId}/events-stream',
    ],
  },
  userManagement: {
    file: 'atlassian-user-management.2023.xvrh.openapi.json',
    operations: ['POST /users/{account_id}/manage/lifecycle/disable', 'POST /users/{account_id}/manage/lifecycle/enable'],
  },
  apiAccess: {
    file: 'atlassian-admin-api-access.2026-09-24.openapi.json',
    operations: ['GET /orgs/{orgId}/api-keys'],
  },
  // Jira adapters (src/adapters/jira) and the Jira simulator.
  jira: {
    file: 'product/jira-platform.2026-04.openapi.json',
    operations: [
      'GET /rest/api/3/mypermissions',
      'GET /rest/api/3/project/search',
      'GET /rest/api/3/project/{projectIdOrKey}/role',
      'GET /rest/api/3/project/{projectIdOrKey}/role/{id}',
      'GET /rest/api/3/group/member',
    ],
    schemas: ['ErrorCollection'],
  },
  jsm: {
    file: 'product/jira-service-management.2023.xvrh.openapi.json',
    operations: [
      'GET /rest/servicedeskapi/servicedesk',
      'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer',
      'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization',
      'GET /rest/servicedeskapi/organization',
      'GET /rest/servicedeskapi/organization/{organizationId}/user',
    ],
    schemas: ['ErrorResponse'],
  },
};
