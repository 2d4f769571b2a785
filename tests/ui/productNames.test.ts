import { createI18n } from '../../src/ui/i18n/i18n';
import { productName, productNames, siteLabel, type NamedProduct } from '../../src/ui/components/productNames';

const i18n = createI18n('en-US');
const locale = { t: i18n.t.bind(i18n) };
const jira = (overrides: Partial<NamedProduct> = {}): NamedProduct => ({
  productKey: 'jira-software',
  resourceId: 'res-jira',
  name: 'Jira',
  siteUrl: 'https://acme.atlassian.net',
  family: 'jira',
  ...overrides,
});

describe('product names on the admin page', () => {
  it('shows a site as its host, with the path of a workspace URL', () => {
    expect(siteLabel('https://acme.atlassian.net')).toBe('acme.atlassian.net');
    expect(siteLabel('https://acme.atlassian.net/')).toBe('acme.atlassian.net');
    expect(siteLabel('https://bitbucket.org/acme')).toBe('bitbucket.org/acme');
    expect(siteLabel('not a url')).toBeNull();
    expect(siteLabel(null)).toBeNull();
  });

  it('drops a trailing "(site)" only when it repeats the product\'s own site', () => {
    expect(productName(jira({ name: 'Jira (acme)' }))).toBe('Jira');
    expect(productName(jira({ name: 'Jira (ACME.atlassian.net)' }))).toBe('Jira');
    expect(productName(jira({ name: 'Bitbucket (acme)', siteUrl: 'https://bitbucket.org/acme' }))).toBe('Bitbucket');
    expect(productName(jira({ name: 'Jira (EU)' }))).toBe('Jira (EU)');
    expect(productName(jira({ name: 'Jira (acme)', siteUrl: null }))).toBe('Jira (acme)');
    expect(productName(jira({ name: 'Jira (acme)', siteUrl: 'broken' }))).toBe('Jira (acme)');
    expect(productName(jira({ name: null }))).toBe('jira-software');
  });

  it('with one site, or no name on two sites, names products alone', () => {
    const names = productNames([jira({ name: 'Jira (acme)' }), jira({ productKey: 'bitbucket', resourceId: 'bb', name: 'Bitbucket (acme)', siteUrl: 'https://bitbucket.org/acme' })], locale);
    expect(names.bySite).toBe(false);
    expect(names.label(jira({ name: 'Jira (acme)' }))).toBe('Jira');
    expect(names.site(jira())).toBeNull();
    expect(names.labelOf('bitbucket', 'bb', '?')).toBe('Bitbucket');
    expect(names.labelOf('confluence', 'nope', 'Confluence (acme)')).toBe('Confluence (acme)');
    expect(names.familyName({ family: 'jira', name: 'Jira (acme)' })).toBe('Jira');
    expect(names.familyName({ family: 'trello', name: null })).toBe('trello');
  });

  it('when a product name stands on several sites, each product names its site', () => {
    const eu = jira({ resourceId: 'res-eu', name: 'Jira (acme-eu)', siteUrl: 'https://acme-eu.atlassian.net' });
    const names = productNames([jira({ name: 'Jira (acme)' }), eu], locale);
    expect(names.bySite).toBe(true);
    expect(names.name(eu)).toBe('Jira');
    expect(names.site(eu)).toBe('acme-eu.atlassian.net');
    expect(names.labelOf('jira-software', 'res-eu', '?')).toBe('Jira (acme-eu.atlassian.net)');
    expect(names.familyName({ family: 'jira', name: 'Jira (acme-eu)' })).toBe('Jira');
  });
});
