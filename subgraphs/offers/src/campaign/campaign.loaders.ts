import DataLoader from 'dataloader';
import { isUuid } from '@c360/shared';
import type { CampaignEntity } from './campaign.entity';
import type { CampaignRepository } from './campaign.repository';

/** Per-request loaders: one SQL statement per batch, results in key order. */
export function createCampaignLoaders(campaigns: CampaignRepository) {
  return {
    campaignById: new DataLoader<string, CampaignEntity | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await campaigns.findByIds(valid) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type CampaignLoaders = ReturnType<typeof createCampaignLoaders>;
