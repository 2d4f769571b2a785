import type { z } from 'zod';
import { checkAccess, type AccessContext, type AccessGrant, type AccessRequest } from '../../domain/usecases/checkAccess';
import type { JiraPermissions } from '../../domain/ports/jiraPermissions';
import { failure, success, type Envelope } from './envelope';

export interface ResolverRequest {
  payload: unknown;
  context: { accountId?: string | undefined };
}

export interface GuardDeps {
  jira: JiraPermissions;
  /** Key state, settings and the caller's platform roles, for the access check. */
  accessContext: (accountId: string) => Promise<AccessContext>;
}

export interface Guarded<P> {
  payload: P;
  accountId: string;
  grant: AccessGrant;
}

/**
 * Wraps one resolver: access check for the area, payload validated with zod, then the use case;
 * whatever happens the caller gets an envelope. Validation runs after the access check so that a
 * refused caller learns nothing about the payload rules.
 */
export const guarded =
  <S extends z.ZodType, R>(deps: GuardDeps, area: AccessRequest['area'], schema: S, run: (input: Guarded<z.infer<S>>) => Promise<R>) =>
  async (request: ResolverRequest): Promise<Envelope<R>> => {
    try {
      const accountId = request.context.accountId ?? null;
      const grant = await checkAccess({ accountId, area }, deps.jira, deps.accessContext);
      const payload: z.infer<S> = schema.parse(request.payload ?? {});
      return success(await run({ payload, accountId: accountId ?? '', grant }));
    } catch (error) {
      return failure(error);
    }
  };
