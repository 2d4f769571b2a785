import type { JiraSimulator } from './simulator';

/** A product request as the local Forge runtime hands it over (structurally its `ProductRequest`). */
export interface ProductRequestLike {
  remote: string;
  /** `app`, `user` or `none`. */
  provider: string;
  accountId?: string;
  path: string;
  method: string;
  headers: Headers;
  body: string;
}

/**
 * The simulator as the runtime's product handler: `remote: 'jira'` requests are answered by the site, asUser
 * requests run as their account (an asUser request without one gets 401); other remotes get a 404.
 */
export const jiraProductHandler =
  (simulator: JiraSimulator) =>
  async (request: ProductRequestLike): Promise<Response> => {
    if (request.remote !== 'jira') {
      return new Response(JSON.stringify({ errorMessages: [`jira-simulator does not serve ${request.remote}`] }), { status: 404 });
    }
    if (request.provider === 'user' && (request.accountId === undefined || request.accountId === '')) {
      return new Response(null, { status: 401 });
    }
    const answer = await simulator.handle({
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body,
      accountId: request.provider === 'user' ? (request.accountId ?? null) : null,
    });
    return new Response(answer.body === '' ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
