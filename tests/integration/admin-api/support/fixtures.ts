/*
 * Response bodies shaped exactly as the official documents declare them (the contract test validates every
 * one of them against the official documents' contract, contract/openapi), used by the client tests' scripted server.
 */

export const ORG = 'org-1';
export const DIR = 'dir-1';
export const JIRA = 'ari:cloud:jira::site/11111111-1111-1111-1111-111111111111';
export const CONF = 'ari:cloud:confluence::site/11111111-1111-1111-1111-111111111111';
export const GROUP_ARI = 'ari:cloud:identity::group/22222222-2222-2222-2222-222222222222';

export const orgsPage = (next?: string): unknown => ({
  data: [
    {
      id: ORG,
      type: 'orgs',
      attributes: { name: 'Acme' },
      relationships: { users: { links: { related: `https://api.atlassian.com/admin/v1/orgs/${ORG}/users` } } },
      links: { self: `https://api.atlassian.com/admin/v1/orgs/${ORG}` },
    },
  ],
  links: { self: 'https://api.atlassian.com/admin/v1/orgs', ...(next ? { next } : {}) },
});

export const directoriesPage = (next?: string): unknown => ({
  data: [{ directoryId: DIR, name: 'Primary', icon: 'https://icon.example.com/d.png' }],
  links: { self: 'c-self', ...(next ? { next } : {}) },
});

const workspace = (id: string, typeKey: string, capacity: number | null): unknown => ({
  id,
  type: 'workspaces',
  attributes: { name: `${typeKey} site`, typeKey, type: typeKey, status: 'online', hostUrl: 'acme.atlassian.net', capacity },
  links: { self: `https://api.atlassian.com/admin/v2/orgs/${ORG}/workspaces/${id}` },
});

export const workspacesPage = (next?: string): unknown => ({
  data: next ? [workspace(JIRA, 'jira-software', 100)] : [workspace(CONF, 'confluence', null)],
  links: { self: 'https://api.atlassian.com/admin/v2/orgs/org-1/workspaces', ...(next ? { next } : {}) },
  meta: { pageSize: 1, startIndex: 0, endIndex: 1, total: 2 },
});

/** A page of MultiDirectoryUser covering every activity case the mapper distinguishes. */
export const usersPage = (next?: string): unknown => ({
  data: [
    {
      accountId: 'u-active',
      accountType: 'atlassian',
      status: 'active',
      accountStatus: 'active',
      membershipStatus: 'active',
      addedToOrg: '2024-01-01T00:00:00.000Z',
      name: 'Ada Active',
      email: 'ada@acme.com',
      claimStatus: 'managed',
      managementSource: 'synced',
      platformRoles: ['atlassian/org-admin'],
      productAccess: [
        { key: 'jira', id: JIRA, lastActiveTimestamp: '2026-05-30T10:00:00.123456789Z' },
        { key: 'confluence', id: CONF, lastActiveTimestamp: '2025-01-02T03:04:05Z' },
      ],
      groups: [{ id: GROUP_ARI, name: 'jira-users', description: null }],
      links: { self: 'u-active' },
    },
    { accountId: 'u-never', status: 'active', accountStatus: 'active', membershipStatus: 'active', productAccess: [] },
    { accountId: 'u-noexpand', status: 'active', accountStatus: 'active', membershipStatus: 'active', name: 'No Expand' },
    {
      accountId: 'u-partial',
      status: 'active',
      accountStatus: 'active',
      membershipStatus: 'active',
      productAccess: [{ key: 'jira', id: JIRA, lastActiveTimestamp: '2026-05-01T00:00:00Z' }, { key: 'confluence', id: CONF }],
    },
    {
      accountId: 'u-suspended',
      status: 'suspended',
      accountStatus: 'active',
      membershipStatus: 'suspended',
      claimStatus: 'unmanaged',
      email: 'sam@gmail.com',
    },
    { accountId: 'u-deactivated', status: 'deactivated', nickname: 'Dee' },
  ],
  links: { self: 'c-self', ...(next ? { next } : {}) },
});

export const groupsPage = (next?: string): unknown => ({
  data: [
    {
      id: 'g-jira',
      name: 'jira-users',
      description: 'Jira licence group',
      directoryId: DIR,
      managementAccess: { deletable: true, modifiable: true, readable: true },
      externalSynced: false,
      managedBy: 'admins',
      counts: { users: 42, resources: 1 },
      links: { self: 'g-jira' },
    },
    { id: 'g-idp', name: 'okta-eng', externalSynced: true, managedBy: 'external', counts: { users: 7, resources: 0 } },
    { id: 'g-locked', name: 'locked', managementAccess: { modifiable: false }, counts: { users: 1 } },
  ],
  links: { self: 'c-self', ...(next ? { next } : {}) },
});

export const roleAssignmentsPage = (next?: string): unknown => ({
  data: next
    ? [{ resourceId: JIRA, resourceOwner: 'jira-software', defaultRole: null, roles: ['atlassian/user'] }]
    : [{ resourceId: 'ari:cloud:jira-servicedesk::site/1', roles: ['atlassian/user', 'atlassian/admin'] }],
  links: { self: 'c-self', ...(next ? { next } : {}) },
});

export const lastActivePage = (next?: string): unknown => ({
  data: {
    product_access: next
      ? [{ id: JIRA, key: 'jira-software', last_active: '2026-05-20', last_active_timestamp: '2026-05-20T08:00:00Z' }]
      : [{ id: CONF, key: 'confluence', last_active: '2025-12-24' }],
    added_to_org: '2023-03-01',
    added_to_org_timestamp: '2023-03-01T09:30:00Z',
  },
  links: next ? { next } : {},
});

const apiKey = (label: string, expiresAt: string): unknown => ({
  id: `key-${label}`,
  label,
  keyType: 'CLOUD_ADMIN',
  createdAt: '2026-01-01T00:00:00Z',
  expiresAt,
  lastActiveAt: '2026-05-31T00:00:00Z',
  createdBy: { id: 'admin-1', name: 'Admin', email: 'admin@acme.com' },
  scopes: [],
});

export const apiKeysPage = (labels: string[], next?: string): unknown => ({
  data: labels.map((l, i) => apiKey(l, `2026-0${String(7 + i)}-15T12:00:00Z`)),
  links: { self: 'c-self', ...(next ? { next } : {}) },
});
