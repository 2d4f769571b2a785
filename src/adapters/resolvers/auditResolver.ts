import { resolverKeys } from '../../contract';
import { listAudit } from '../../domain/usecases/audit/listAudit';
import { define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

const instant = (iso: string | undefined): Date | undefined => (iso === undefined ? undefined : new Date(iso));

/** Audit log screen (A2) and its CSV export (A3, pages of up to 1000). */
export const auditResolvers = (deps: ResolverDeps): ResolverMap => ({
  ...define(deps, resolverKeys.auditList, 'app', ({ payload }) => {
    const { from, to, ...rest } = payload;
    const range = { ...(from === undefined ? {} : { from: instant(from) }), ...(to === undefined ? {} : { to: instant(to) }) };
    return listAudit({ ...rest, ...range }, deps);
  }),
});
