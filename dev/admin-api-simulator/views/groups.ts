import type { SimGroup } from '../model';
import type { SimulatorState } from '../state';

/** Expand options of groups/search. */
export type GroupExpand = 'counts.users' | 'counts.resources';

/** A MultiDirectoryGroup. IdP-synced groups are read-only: modifiable=false, externalSynced, managedBy external. */
export function groupView(state: SimulatorState, g: SimGroup, expand: ReadonlySet<GroupExpand>): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: g.id,
    name: g.name,
    description: g.description,
    directoryId: state.org.directories[g.directory]?.id ?? '',
    managementAccess: { deletable: !g.synced && !g.isDefault && g.grants.length === 0, modifiable: !g.synced, readable: true },
    externalSynced: g.synced,
    managedBy: g.managedBy,
    links: { self: Buffer.from(`group:${g.id}`).toString('base64url') },
  };
  if (expand.size > 0) {
    const counts: Record<string, number> = {};
    if (expand.has('counts.users')) counts.users = g.members.size;
    if (expand.has('counts.resources')) counts.resources = new Set(g.grants.map((x) => x.workspace)).size;
    view.counts = counts;
  }
  return view;
}
