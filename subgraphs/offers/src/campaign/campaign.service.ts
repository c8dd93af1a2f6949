import { TIME_ID_CURSOR, decodeCursor, encodeCursor, pageSize, toPage, type Page } from '@c360/shared';
import { hasAtMostDecimals } from '../common/numeric';
import { assertTransition } from '../common/status-transitions';
import type { CampaignEntity } from './campaign.entity';
import { CAMPAIGN_TRANSITIONS, CampaignStatus, INITIAL_CAMPAIGN_STATUSES } from './campaign.enums';
import { badInitialCampaignStatus, campaignNotFound, campaignWindowReversed, holdoutNotInBasisPoints } from './campaign.errors';
import type { CreateCampaignInput } from './campaign.input';
import { toCampaignType } from './campaign.mapper';
import type { CampaignRepository } from './campaign.repository';
import type { CampaignType } from './campaign.type';

const campaignCursor = (c: CampaignEntity) => encodeCursor([c.createdAt.toISOString(), c.id]);

/** Business rules for campaigns. */
export class CampaignService {
  constructor(private readonly campaigns: CampaignRepository) {}

  async list(first: number | null | undefined, after: string | null | undefined, status: CampaignStatus | null | undefined): Promise<Page<CampaignType>> {
    const size = pageSize(first);
    const afterKey = after ? (decodeCursor(after, TIME_ID_CURSOR) as [string, string]) : undefined;
    const { rows, totalCount } = await this.campaigns.page({ size, after: afterKey, status });
    return toPage(rows, size, totalCount, campaignCursor, toCampaignType);
  }

  async create(input: CreateCampaignInput, now = new Date()): Promise<string> {
    const status = input.status ?? CampaignStatus.DRAFT;
    if (!(INITIAL_CAMPAIGN_STATUSES as readonly CampaignStatus[]).includes(status)) throw badInitialCampaignStatus(status);
    if (input.endsAt && input.endsAt.getTime() <= input.startsAt.getTime()) throw campaignWindowReversed();
    const holdoutPercent = input.holdoutPercent ?? 0;
    // Membership compares buckets with holdoutPercent × 100, so finer shares cannot be honoured.
    if (!hasAtMostDecimals(holdoutPercent, 2)) throw holdoutNotInBasisPoints();
    return this.campaigns.insert(
      {
        name: input.name, description: input.description ?? null, objective: input.objective ?? null, status, startsAt: input.startsAt, endsAt: input.endsAt ?? null,
        holdoutPercent, holdoutSeed: input.holdoutSeed ?? 0,
      },
      now,
    );
  }

  async setStatus(id: string, status: CampaignStatus, now = new Date()): Promise<void> {
    await this.campaigns.transaction(async (manager) => {
      const campaign = await this.campaigns.lockById(manager, id);
      if (!campaign) throw campaignNotFound(id);
      assertTransition('campaign', CAMPAIGN_TRANSITIONS, campaign.status as CampaignStatus, status);
      if (campaign.status !== status) await this.campaigns.setStatus(manager, id, status, now);
    });
  }
}
