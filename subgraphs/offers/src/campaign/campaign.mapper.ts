import type { CampaignEntity } from './campaign.entity';
import type { CampaignStatus } from './campaign.enums';
import type { CampaignType } from './campaign.type';

/** Entity -> API type: only fields listed here reach the graph. */
export const toCampaignType = (e: CampaignEntity): CampaignType => ({
  id: e.id,
  name: e.name,
  description: e.description,
  objective: e.objective,
  status: e.status as CampaignStatus,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  holdoutPercent: e.holdoutPercent,
  holdoutSeed: e.holdoutSeed,
  createdAt: e.createdAt,
});
