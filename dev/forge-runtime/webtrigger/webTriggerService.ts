/**
 * Web triggers (the manifest's `webtrigger` modules): the `createWebTriggerUrl` / `webTriggerUrlsByAppContext` /
 * `deleteWebTriggerUrl` GraphQL calls @forge/api's `webTrigger` makes, and {@link WebTriggerService.call}, which
 * runs the module's function for an HTTP request the way Forge does.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { jsonResponse, parseJsonBody } from '../http';
import { runInvocation } from '../invocation';
import type { RuntimeManifest } from '../manifest';
import { resolveHandler, type FunctionHandler, type FunctionLoader } from '../queue/consumerHandlers';
import {
  headersOf, queryParametersOf, TRIGGER_PATH, webTriggerResponseSchema,
  type WebTriggerEvent, type WebTriggerHttpAnswer, type WebTriggerHttpRequest,
} from './webTriggerShapes';

/** Forge's time budget for a web trigger function. */
export const WEBTRIGGER_TIMEOUT_MS = 55_000;

const GraphqlBody = z.object({ query: z.string(), variables: z.record(z.string(), z.unknown()).optional() });
const CreateVariables = z.object({ input: z.object({ triggerKey: z.string() }).loose(), forceCreate: z.boolean().optional() });

const plainText = (status: number, body: string): WebTriggerHttpAnswer => ({ status, headers: { 'content-type': ['text/plain'] }, body });

/** The web triggers of one installation. */
export class WebTriggerService {
  /** Where this installation's trigger URLs point (the preview host sets its own origin). */
  baseUrl = 'http://forge-runtime.local';
  /** Trigger IDs by module key, and module keys by trigger ID. */
  private readonly ids = new Map<string, string>();
  private readonly modules = new Map<string, string>();

  constructor(
    private readonly manifest: RuntimeManifest,
    private readonly installContext: string,
    private readonly loader: FunctionLoader | undefined,
    private readonly handlers: ReadonlyMap<string, FunctionHandler>,
  ) {}

  /** The URL of a module's trigger, created on first use (stable afterwards, as on Forge). */
  urlFor(moduleKey: string, forceCreate = false): string {
    if (!(this.manifest.webtriggers ?? []).some((w) => w.key === moduleKey)) throw new Error(`forge-runtime: no webtrigger module '${moduleKey}'`);
    let id = this.ids.get(moduleKey);
    if (id === undefined || forceCreate) {
      id = randomUUID();
      this.ids.set(moduleKey, id);
      this.modules.set(id, moduleKey);
    }
    return `${this.baseUrl.replace(/\/+$/, '')}/x1/${id}`;
  }

  /** Answers @forge/api's `webTrigger` GraphQL calls (stargate `/graphql`). */
  graphql(init: RequestInit | undefined): Response {
    const body = GraphqlBody.safeParse(parseJsonBody(init));
    if (!body.success) return jsonResponse({ errors: [{ message: 'forge-runtime: invalid GraphQL request' }] }, 400);
    const { query, variables } = body.data;
    if (query.includes('createWebTriggerUrl')) {
      const vars = CreateVariables.safeParse(variables);
      if (!vars.success) return jsonResponse({ errors: [{ message: 'invalid variables' }] }, 400);
      try {
        return jsonResponse({ data: { createWebTriggerUrl: { url: this.urlFor(vars.data.input.triggerKey, vars.data.forceCreate === true) } } });
      } catch (error) {
        return jsonResponse({ data: { createWebTriggerUrl: null }, errors: [{ message: String(error) }] });
      }
    }
    if (query.includes('webTriggerUrlsByAppContext')) {
      const urls = [...this.ids].map(([triggerKey]) => ({ triggerKey, url: this.urlFor(triggerKey) }));
      return jsonResponse({ data: { webTriggerUrlsByAppContext: urls } });
    }
    if (query.includes('deleteWebTriggerUrl')) {
      const id = z.object({ id: z.string() }).safeParse(variables).data?.id ?? '';
      const moduleKey = this.modules.get(id);
      if (moduleKey !== undefined) { this.modules.delete(id); this.ids.delete(moduleKey); }
      return jsonResponse({ data: { deleteWebTriggerUrl: { success: moduleKey !== undefined, message: moduleKey === undefined ? 'not found' : null } } });
    }
    return jsonResponse({ errors: [{ message: 'forge-runtime: unsupported GraphQL operation' }] }, 400);
  }

  /** Runs the trigger a request's path names; 404 for an unknown trigger, 500 when the function throws or answers out of shape. */
  async call(request: WebTriggerHttpRequest): Promise<WebTriggerHttpAnswer> {
    const url = new URL(request.url, 'http://webtrigger.local');
    const match = TRIGGER_PATH.exec(url.pathname);
    const moduleKey = match === null ? undefined : this.modules.get(match[1] ?? '');
    const module = (this.manifest.webtriggers ?? []).find((w) => w.key === moduleKey);
    const fn = this.manifest.functions.find((f) => f.key === module?.function);
    if (module === undefined || fn === undefined) return plainText(404, 'Not Found');
    const event: WebTriggerEvent = {
      method: request.method.toUpperCase(),
      path: url.pathname,
      userPath: (match?.[2] ?? '').replace(/^\//, ''),
      headers: headersOf(request.headers),
      queryParameters: queryParametersOf(url.searchParams),
      body: request.body,
    };
    const init = { functionKey: fn.key, moduleKey: module.key, moduleType: 'core:webtrigger', timeoutMs: WEBTRIGGER_TIMEOUT_MS };
    try {
      const handler = await resolveHandler(fn, this.handlers, this.loader);
      const result: unknown = await runInvocation(init, () => Promise.resolve(handler(event, { installContext: this.installContext })));
      const answer = webTriggerResponseSchema.safeParse(result);
      if (!answer.success) return plainText(500, 'Internal Server Error');
      return { status: answer.data.statusCode, headers: headersOf(answer.data.headers ?? {}), body: answer.data.body ?? '' };
    } catch {
      return plainText(500, 'Internal Server Error');
    }
  }
}
