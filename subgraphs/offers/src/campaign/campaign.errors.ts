import { badInput, notFound } from '@c360/shared';

export const campaignNotFound = (_id?: string) => notFound('Campaign');
export const campaignWindowReversed = () => badInput('endsAt must be after startsAt', { field: 'endsAt' });
export const holdoutNotInBasisPoints = () => badInput('holdoutPercent must have at most two decimals', { field: 'holdoutPercent' });
export const badInitialCampaignStatus = (status: string) => badInput(`A campaign is created as DRAFT or ACTIVE, not ${status}`, { field: 'status' });
