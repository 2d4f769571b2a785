import type { ApiKeyChecks, OrgSummary } from '../../../../src/domain/ports/apiKeyChecks';

/** What a pasted key reaches (`orgs`) and its expiry as the API Access API reports it (an Error: the read fails). */
export class FakeApiKeyChecks implements ApiKeyChecks {
  orgs: OrgSummary[] = [{ id: 'org-1', name: 'Acme' }];
  expiry: Date | null | Error = null;
  /** What the users search answers: nothing, or the error a key with scopes gets. */
  probe: Error | null = null;
  probed: string[] = [];
  probeUserSearch(orgId: string): Promise<void> {
    this.probed.push(orgId);
    return this.probe === null ? Promise.resolve() : Promise.reject(this.probe);
  }
  listOrgs(): Promise<OrgSummary[]> {
    return Promise.resolve(structuredClone(this.orgs));
  }
  apiKeyExpiry(): Promise<Date | null> {
    return this.expiry instanceof Error ? Promise.reject(this.expiry) : Promise.resolve(this.expiry);
  }
}
