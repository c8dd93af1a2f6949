import DataLoader from 'dataloader';
import { isUuid } from '@c360/shared';
import type { OfferEntity } from './offer.entity';
import type { OfferRepository } from './offer.repository';

/** Per-request loaders: one SQL statement per batch, results in key order. */
export function createOfferLoaders(offers: OfferRepository) {
  return {
    offerById: new DataLoader<string, OfferEntity | null>(async (ids) => {
      // Representations from the gateway are not validated by GraphQL: never cast junk to uuid.
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await offers.findByIds(valid) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    offersByCampaign: new DataLoader<string, OfferEntity[]>(async (campaignIds) => {
      const rows = await offers.findByCampaignIds(campaignIds);
      const grouped = new Map<string, OfferEntity[]>(campaignIds.map((id) => [id, []]));
      for (const row of rows) grouped.get(row.campaignId)?.push(row);
      return campaignIds.map((id) => grouped.get(id) ?? []);
    }),
    skusByOffer: new DataLoader<string, string[]>(async (offerIds) => {
      const rows = await offers.skusOf(offerIds);
      const grouped = new Map<string, string[]>(offerIds.map((id) => [id, []]));
      for (const row of rows) grouped.get(row.offerId)?.push(row.sku);
      return offerIds.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type OfferLoaders = ReturnType<typeof createOfferLoaders>;
