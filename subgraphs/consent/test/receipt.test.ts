import { randomUUID } from 'node:crypto';
import { CallerKind, statementCounter } from '@c360/shared';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { consentSubgraph } from '../src';
import { CONSENT_CONTROLLER } from '../src/receipt/receipt-controller';

const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }`;
const RECEIPT = `query($id: ID!) { consentReceipt(eventId: $id) }`;
const HISTORY_RECEIPTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { consentHistory { edges { node { id receipt } } } } } }`;

type Receipt = Record<string, unknown> & { services: { service: string; purposes: Record<string, unknown>[] }[] };

describe(`consent receipts on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(consentSubgraph);
    await consentSubgraph.seedDemoData!(harness.dataSource, { seed: 3, customers: 20 });
  });
  afterAll(() => harness.close());

  const grant = async (input: Record<string, unknown>, caller = internalCaller()) => {
    const result = await harness.execute<{ grantConsent: { eventId: string } }, { input: Record<string, unknown> }>(GRANT, { input: { channel: 'WEB', ...input } }, caller);
    expect(result.errors).toBeUndefined();
    return result.data!.grantConsent.eventId;
  };
  const receipt = async (eventId: string, caller = internalCaller()) => {
    const result = await harness.execute<{ consentReceipt: Receipt | null }, { id: string }>(RECEIPT, { id: eventId }, caller);
    expect(result.errors).toBeUndefined();
    return result.data!.consentReceipt;
  };
  const eventRow = async (eventId: string) => (await harness.dataSource.query('SELECT recorded_at, hash FROM consent.consent_event WHERE id = $1', [eventId]))[0] as { recorded_at: Date; hash: string };

  it('gives a partner grant a receipt naming the partner as third party', async () => {
    const customerId = randomUUID();
    const eventId = await grant({ customerId, purposeCode: 'PARTNER_SHARING', partnerId: 'partner-nordic-travel', channel: 'MOBILE' }, internalCaller({ clientId: 'mobile-app' }));
    const row = await eventRow(eventId);
    expect(await receipt(eventId)).toEqual({
      version: 'KI-CR-v1.1.0',
      jurisdiction: 'EU',
      consentTimestamp: Math.floor(new Date(row.recorded_at).getTime() / 1000),
      collectionMethod: 'MOBILE',
      collectionClientId: 'mobile-app',
      consentReceiptID: eventId,
      publicKey: null,
      language: 'en',
      piiPrincipalId: customerId,
      piiControllers: [CONSENT_CONTROLLER],
      policyUrl: 'https://customer360.example/privacy/notices/PARTNER_SHARING/v1',
      noticeVersion: 1,
      services: [
        {
          service: 'Sharing with partners',
          purposes: [
            {
              purpose: 'PARTNER_SHARING',
              purposeDescription: expect.any(String),
              purposeCategory: ['Marketing Third Parties'],
              consentType: 'EXPLICIT',
              piiCategory: ['IDENTITY', 'CONTACT', 'DEMOGRAPHIC'],
              primaryPurpose: true,
              termination: 'withdrawConsent mutation or any channel',
              thirdPartyDisclosure: true,
              thirdPartyName: 'Nordic Travel Club',
              thirdPartyId: 'partner-nordic-travel',
            },
          ],
        },
      ],
      sensitive: false,
      spiCat: [],
      status: 'GRANTED',
      ledgerHash: row.hash,
    });
  });

  it('gives a grant without a partner a receipt with no third-party disclosure', async () => {
    const customerId = randomUUID();
    const eventId = await grant({ customerId, purposeCode: 'MARKETING', noticeVersion: 2 });
    const doc = (await receipt(eventId))!;
    expect(doc).toMatchObject({ consentReceiptID: eventId, piiPrincipalId: customerId, collectionMethod: 'WEB', status: 'GRANTED', policyUrl: 'https://customer360.example/privacy/notices/MARKETING/v2' });
    expect(doc.services[0].purposes[0]).toMatchObject({ purpose: 'MARKETING', purposeCategory: ['Marketing'], piiCategory: ['CONTACT', 'IDENTITY', 'DEMOGRAPHIC', 'BEHAVIOURAL'], thirdPartyDisclosure: false });
    expect(doc.services[0].purposes[0]).not.toHaveProperty('thirdPartyName');
  });

  it('gives withdrawals a receipt too, pointing at the notice history', async () => {
    const customerId = randomUUID();
    const result = await harness.execute<{ withdrawConsent: { eventId: string } }>(`mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { eventId } }`, {
      input: { customerId, purposeCode: 'ANALYTICS', channel: 'EMAIL' },
    } as never);
    const doc = (await receipt(result.data!.withdrawConsent.eventId))!;
    expect(doc).toMatchObject({ status: 'WITHDRAWN', noticeVersion: null, policyUrl: 'https://customer360.example/privacy/notices/ANALYTICS' });
  });

  it('derives the same receipt every time, through the query and through ConsentEvent.receipt', async () => {
    const customerId = randomUUID();
    const eventId = await grant({ customerId, purposeCode: 'PROFILING' });
    const first = await receipt(eventId);
    expect(JSON.stringify(await receipt(eventId))).toBe(JSON.stringify(first));
    const history = await harness.execute<{ _entities: { consentHistory: { edges: { node: { id: string; receipt: Receipt } }[] } }[] }>(HISTORY_RECEIPTS, { r: [{ __typename: 'Customer', id: customerId }] } as never);
    expect(JSON.stringify(history.data!._entities[0].consentHistory.edges[0].node.receipt)).toBe(JSON.stringify(first));
  });

  it('answers null for an unknown event and for another customer\'s event asked by a customer', async () => {
    expect(await receipt(randomUUID())).toBeNull();
    const eventId = await grant({ customerId: randomUUID(), purposeCode: 'ANALYTICS' });
    const stranger = internalCaller({ kind: CallerKind.CUSTOMER, clientId: 'privacy-centre', customerId: randomUUID() });
    expect(await receipt(eventId, stranger)).toBeNull();
  });

  it('costs the same number of statements for receipts of 5 and 20 customers', async () => {
    const customers = await Promise.all(Array.from({ length: 20 }, async () => {
      const customerId = randomUUID();
      await grant({ customerId, purposeCode: 'PARTNER_SHARING', partnerId: 'partner-city-bank' });
      return customerId;
    }));
    const countFor = async (n: number) => {
      statementCounter.reset();
      const result = await harness.execute(HISTORY_RECEIPTS, { r: customers.slice(0, n).map((id) => ({ __typename: 'Customer', id })) } as never);
      expect(result.errors).toBeUndefined();
      return statementCounter.total();
    };
    expect(await countFor(20)).toBe(await countFor(5));
  });
});
