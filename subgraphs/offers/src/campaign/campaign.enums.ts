import { registerEnumType } from 'type-graphql';
import type { Transitions } from '../common/status-transitions';

export enum CampaignStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  COMPLETED = 'COMPLETED',
}

registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: 'Only offers of an ACTIVE campaign are ever eligible',
  valuesConfig: {
    DRAFT: { description: 'Being designed; none of its offers are live' },
    ACTIVE: { description: 'Running: its ACTIVE offers can be offered' },
    PAUSED: { description: 'Temporarily stopped; can be resumed' },
    COMPLETED: { description: 'Finished for good (final)' },
  },
});

export const CAMPAIGN_TRANSITIONS: Transitions<CampaignStatus> = {
  [CampaignStatus.DRAFT]: [CampaignStatus.ACTIVE, CampaignStatus.COMPLETED],
  [CampaignStatus.ACTIVE]: [CampaignStatus.PAUSED, CampaignStatus.COMPLETED],
  [CampaignStatus.PAUSED]: [CampaignStatus.ACTIVE, CampaignStatus.COMPLETED],
  [CampaignStatus.COMPLETED]: [],
};

/** A campaign starts life either in design or straight away. */
export const INITIAL_CAMPAIGN_STATUSES = [CampaignStatus.DRAFT, CampaignStatus.ACTIVE] as const;
