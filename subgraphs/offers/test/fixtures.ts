import type { SubgraphHarness } from '@c360/shared/testing';

export const LIVE = { validFrom: '2024-09-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' };

const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id name status startsAt endsAt } }`;
const CREATE_OFFER = `mutation($input: CreateOfferInput!) {
  createOffer(input: $input) { id name status benefitType benefitValue currency channel personalisationType consentPurpose priority validFrom validUntil campaign { id } products { sku } }
}`;
const SET_OFFER_STATUS = `mutation($id: ID!, $status: OfferStatus!) { setOfferStatus(id: $id, status: $status) { id status } }`;
const SET_CAMPAIGN_STATUS = `mutation($id: ID!, $status: CampaignStatus!) { setCampaignStatus(id: $id, status: $status) { id status } }`;

export interface CreatedOffer {
  id: string;
  name: string;
  status: string;
  benefitType: string;
  benefitValue: number | null;
  currency: string | null;
  consentPurpose: string;
  priority: number;
  campaign: { id: string };
  products: { sku: string }[];
}

type Vars = Record<string, unknown>;

/** Thin wrappers over the public mutations, so tests read as specifications. */
export function offersApi(harness: SubgraphHarness) {
  const run = <T>(query: string, variables: Vars) => harness.execute<T, Vars>(query, variables);
  return {
    createCampaignRaw: (input: Vars) => run<{ createCampaign: { id: string; status: string } }>(CREATE_CAMPAIGN, { input: { name: 'Campaign', startsAt: '2024-09-01T00:00:00Z', ...input } }),
    async createCampaign(input: Vars = {}): Promise<string> {
      const result = await this.createCampaignRaw({ status: 'ACTIVE', ...input });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.createCampaign.id;
    },
    createOfferRaw: (campaignId: string, input: Vars = {}) =>
      run<{ createOffer: CreatedOffer }>(CREATE_OFFER, {
        input: { campaignId, name: 'offer', headline: 'An offer', benefitType: 'PERCENT_DISCOUNT', benefitValue: 10, channel: 'EMAIL', personalisationType: 'COSMETIC', ...LIVE, ...input },
      }),
    async createOffer(campaignId: string, input: Vars = {}): Promise<CreatedOffer> {
      const result = await this.createOfferRaw(campaignId, { status: 'ACTIVE', ...input });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.createOffer;
    },
    setOfferStatus: (id: string, status: string) => run<{ setOfferStatus: { id: string; status: string } }>(SET_OFFER_STATUS, { id, status }),
    setCampaignStatus: (id: string, status: string) => run<{ setCampaignStatus: { id: string; status: string } }>(SET_CAMPAIGN_STATUS, { id, status }),
    async count(table: 'campaign' | 'offer' | 'offer_product'): Promise<number> {
      const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM offers.${table}`);
      return n;
    },
  };
}
