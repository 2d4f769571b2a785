import { route } from '@forge/api';
import type { ProjectRoleMember } from '../../domain/ports/siteDirectory';
import type { JiraReader } from './jiraReader';
import { groupMembersSchema, projectPageSchema, projectRoleSchema, projectRolesSchema, roleIdsOf, type ProjectRole, type RoleActor } from './jiraSchemas';
import type { RoleCursor } from './siteCursor';

/** Page sizes and per-page budget of the walks. */
export interface WalkLimits {
  /** A page stops once it holds at least this many items (default 500). */
  pageSize: number;
  /** A page stops after this many requests (retries not counted; default 20). */
  maxCallsPerPage: number;
}

const PROJECTS_PER_CALL = 50;
const MEMBERS_PER_CALL = 50;

/**
 * One page of the project-role walk: projects (project/search, by key) → their roles (ascending id) → each role's
 * actors in the order Jira lists them; a group actor is expanded through group/member (inactive users included).
 * The position lives in the cursor, so a page may end inside a group and the next resumes there. Projects, roles
 * and groups that vanish mid-walk (404) are skipped.
 */
export class RoleWalk {
  private projects: { startAt: number; keys: string[]; isLast: boolean } | null = null;
  private readonly projectNames = new Map<string, string>();
  private role: { key: string; id: number; value: ProjectRole | null } | null = null;
  private calls = 0;

  constructor(
    private readonly http: JiraReader,
    private readonly limits: WalkLimits,
  ) {}

  /** Advances `s` (mutated) and returns the items found; `done` when the walk has finished. */
  async page(s: RoleCursor): Promise<{ items: ProjectRoleMember[]; done: boolean }> {
    const items: ProjectRoleMember[] = [];
    this.calls = 0;
    while (items.length < this.limits.pageSize && this.calls < this.limits.maxCallsPerPage) {
      if (s.pk === null) {
        const key = await this.projectAt(s.pa);
        if (key === null) return { items, done: true };
        Object.assign(s, { pk: key, pn: this.projectNames.get(key) ?? key, rs: null, aa: 0, ma: 0 });
      } else if (s.rs === null) {
        this.calls += 1;
        const roles = await this.http.get('getProjectRoles', route`/rest/api/3/project/${s.pk}/role`, projectRolesSchema);
        if (roles === null) nextProject(s);
        else s.rs = roleIdsOf(roles);
      } else if (s.rs[0] === undefined) {
        nextProject(s);
      } else if (this.role?.key !== s.pk || this.role.id !== s.rs[0]) {
        await this.loadRole(s.pk, s.rs[0]);
      } else {
        const role = this.role.value;
        const actor = role?.actors[s.aa];
        if (!role || !actor) Object.assign(s, { rs: s.rs.slice(1), aa: 0, ma: 0 });
        else await this.visit(s, { projectKey: s.pk, projectName: s.pn, roleName: role.name }, actor, items);
      }
    }
    return { items, done: false };
  }

  private async visit(s: RoleCursor, role: Pick<ProjectRoleMember, 'projectKey' | 'projectName' | 'roleName'>, actor: RoleActor, items: ProjectRoleMember[]): Promise<void> {
    const accountId = actor.actorUser?.accountId;
    const group = actor.actorGroup;
    if (accountId !== undefined || group === undefined) {
      if (accountId !== undefined && accountId !== 'unknown') items.push({ ...role, accountId, viaGroupId: null });
      Object.assign(s, { aa: s.aa + 1, ma: 0 });
      return;
    }
    const viaGroupId = group.groupId ?? group.name ?? '';
    const path =
      group.groupId !== undefined
        ? route`/rest/api/3/group/member?groupId=${group.groupId}&includeInactiveUsers=true&startAt=${s.ma}&maxResults=${MEMBERS_PER_CALL}`
        : route`/rest/api/3/group/member?groupname=${group.name ?? ''}&includeInactiveUsers=true&startAt=${s.ma}&maxResults=${MEMBERS_PER_CALL}`;
    this.calls += 1;
    const page = await this.http.get('getUsersFromGroup', path, groupMembersSchema);
    for (const user of page?.values ?? []) items.push({ ...role, accountId: user.accountId, viaGroupId });
    const received = page?.values.length ?? 0;
    const last = page === null || received === 0 || (page.isLast ?? (page.total !== undefined ? s.ma + received >= page.total : false));
    if (last) Object.assign(s, { aa: s.aa + 1, ma: 0 });
    else s.ma += received;
  }

  private async loadRole(key: string, id: number): Promise<void> {
    this.calls += 1;
    const value = await this.http.get('getProjectRole', route`/rest/api/3/project/${key}/role/${id}`, projectRoleSchema);
    this.role = { key, id, value };
  }

  private async projectAt(index: number): Promise<string | null> {
    const cached = this.projects;
    if (cached && index >= cached.startAt && index < cached.startAt + cached.keys.length) {
      return cached.keys[index - cached.startAt] ?? null;
    }
    if (cached?.isLast === true && index >= cached.startAt + cached.keys.length) return null;
    this.calls += 1;
    const page = await this.http.get(
      'searchProjects',
      route`/rest/api/3/project/search?startAt=${index}&maxResults=${PROJECTS_PER_CALL}`,
      projectPageSchema,
    );
    const keys = page?.values.map((p) => p.key) ?? [];
    for (const p of page?.values ?? []) this.projectNames.set(p.key, p.name);
    this.projects = { startAt: index, keys, isLast: page?.isLast ?? keys.length === 0 };
    return keys[0] ?? null;
  }
}

const nextProject = (s: RoleCursor): void => {
  Object.assign(s, { pa: s.pa + 1, pk: null, pn: '', rs: null, aa: 0, ma: 0 });
};
