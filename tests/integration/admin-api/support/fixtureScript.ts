import * as f from './fixtures';
import type { ScriptedAnswer, SeenRequest } from './scriptedServer';

const ok = (body: unknown): ScriptedAnswer => ({ status: 200, body });
const cursorIn = (req: SeenRequest): string | null => {
  const fromBody = (req.body as { cursor?: unknown } | undefined)?.cursor;
  return typeof fromBody === 'string' ? fromBody : req.query.get('cursor');
};

/**
 * Answers every operation the client uses with a spec-shaped fixture; list endpoints have two pages (the
 * second is asked for with cursor `p2`). v1 `links.next` values are URLs, v2 ones bare cursors, as documented.
 */
export const fixtureAnswer = (req: SeenRequest): ScriptedAnswer => {
  const p = decodeURIComponent(req.path);
  const second = cursorIn(req) === 'p2';
  const v1Next = (base: string): string | undefined => (second ? undefined : `https://api.atlassian.com${base}?cursor=p2`);
  const v2Next = second ? undefined : 'p2';
  if (req.method === 'GET' && p === '/admin/v1/orgs') return ok(f.orgsPage(v1Next('/admin/v1/orgs')));
  if (req.method === 'GET' && p.endsWith('/directories')) return ok(f.directoriesPage(v2Next));
  if (req.method === 'POST' && p.endsWith('/workspaces')) return ok(f.workspacesPage(v1Next(`/admin/v2/orgs/${f.ORG}/workspaces`)));
  const accountIds = (req.body as { accountIds?: string[] } | undefined)?.accountIds;
  if (req.method === 'POST' && p.endsWith('/users/search') && accountIds) {
    return ok({ data: accountIds.map((accountId) => ({ accountId, status: 'active' })), links: {} });
  }
  if (req.method === 'POST' && p.endsWith('/users/search')) return ok(f.usersPage(v2Next));
  if (req.method === 'POST' && p.endsWith('/groups/search')) return ok(f.groupsPage(v2Next));
  if (req.method === 'GET' && p.endsWith('/role-assignments')) return ok(f.roleAssignmentsPage(v2Next));
  if (req.method === 'GET' && p.endsWith('/last-active-dates')) return ok(f.lastActivePage(v2Next));
  if (req.method === 'GET' && p.endsWith('/api-keys')) return ok(f.apiKeysPage(second ? ['other'] : ['license-optimizer'], v2Next));
  if (req.method === 'POST' || req.method === 'DELETE') return { status: 204 };
  return { status: 404, body: { errors: [{ code: 'ADMIN-404-1', title: 'Not found' }] } };
};
