import { captureReference, type Target } from '../load/graphql-target';

interface PageBody {
  data: { customers: { edges: { node: { id: string; consents: { satisfiesCurrentNotice: boolean; purpose: { code: string } }[] } }[] } };
}

const PAGE_QUERY = `query R7Page($first: Int!, $after: String) { customers(first: $first, after: $after) { edges { node { id consents { satisfiesCurrentNotice purpose { code } } } } } }`;
const PURPOSES_QUERY = `{ purposes { code requiresConsent partnerScoped } }`;
const GRANT = `mutation Grant($input: GrantConsentInput!) { grantConsent(input: $input) { status } }`;

/**
 * R7 compares the same work only when enforcement changes nothing in the answer: the page's
 * customers must have GRANTED, under the current notice, every consent purpose the page reads (partner purposes are not
 * read by the customer-360 page). Grants what is missing, through the gateway, so reruns add nothing.
 */
export async function grantEveryConsent(gateway: Target, first: number, after: string): Promise<{ customers: number; granted: number }> {
  const purposes = (JSON.parse(await captureReference(gateway, { query: PURPOSES_QUERY, variables: {} })) as { data: { purposes: { code: string; requiresConsent: boolean; partnerScoped: boolean }[] } }).data.purposes
    .filter((p) => p.requiresConsent && !p.partnerScoped)
    .map((p) => p.code);
  const page = JSON.parse(await captureReference(gateway, { query: PAGE_QUERY, variables: { first, after } })) as PageBody;
  let granted = 0;
  for (const { node } of page.data.customers.edges) {
    const have = new Set(node.consents.filter((c) => c.satisfiesCurrentNotice).map((c) => c.purpose.code));
    for (const purposeCode of purposes.filter((code) => !have.has(code))) {
      await captureReference(gateway, { query: GRANT, variables: { input: { customerId: node.id, purposeCode, channel: 'WEB' } } });
      granted++;
    }
  }
  return { customers: page.data.customers.edges.length, granted };
}
