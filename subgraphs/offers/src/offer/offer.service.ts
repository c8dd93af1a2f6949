import { TIME_ID_CURSOR, decodeCursor, encodeCursor, pageSize, toPage, type Page } from '@c360/shared';
import { campaignNotFound } from '../campaign/campaign.errors';
import type { CampaignRepository } from '../campaign/campaign.repository';
import { assertTransition } from '../common/status-transitions';
import { checkBenefit } from './offer.benefit';
import type { OfferEntity } from './offer.entity';
import { defaultConsentPurpose, INITIAL_OFFER_STATUSES, OFFER_TRANSITIONS, OfferStatus, PersonalisationType, type OfferChannel, type OfferConsentPurpose } from './offer.enums';
import { activationAfterWindow, badInitialOfferStatus, duplicateSkus, expiredOfferIsFinal, offerNotFound, offerWindowReversed, transparentNeedsPersonalisation } from './offer.errors';
import type { CreateOfferInput } from './offer.input';
import { checkTargeting } from './offer.targeting';
import type { OfferTargetingInput } from './offer-targeting.input';
import { toOfferType } from './offer.mapper';
import type { NewOffer, OfferRepository } from './offer.repository';
import type { OfferType } from './offer.type';

const offerCursor = (o: OfferEntity) => encodeCursor([o.createdAt.toISOString(), o.id]);

export interface OfferListArgs {
  first?: number | null;
  after?: string | null;
  status?: OfferStatus | null;
  campaignId?: string | null;
  channel?: OfferChannel | null;
}

/** Business rules for offer design (what / when / how) and the offer lifecycle. */
export class OfferService {
  constructor(
    private readonly offers: OfferRepository,
    private readonly campaigns: CampaignRepository,
  ) {}

  async list(args: OfferListArgs): Promise<Page<OfferType>> {
    const size = pageSize(args.first);
    const after = args.after ? (decodeCursor(args.after, TIME_ID_CURSOR) as [string, string]) : undefined;
    const { rows, totalCount } = await this.offers.page({ size, after, status: args.status, campaignId: args.campaignId, channel: args.channel });
    return toPage(rows, size, totalCount, offerCursor, toOfferType);
  }

  async create(input: CreateOfferInput, now = new Date()): Promise<string> {
    const offer = designOf(input, now);
    const skus = input.skus ?? [];
    if (new Set(skus).size !== skus.length) throw duplicateSkus(skus.filter((sku, i) => skus.indexOf(sku) !== i));
    return this.offers.transaction(async (manager) => {
      // A share lock keeps the campaign from vanishing between the check and the insert.
      if (!(await this.campaigns.shareLockById(manager, offer.campaignId))) throw campaignNotFound(offer.campaignId);
      return this.offers.insert(manager, offer, skus, now);
    });
  }

  /** Replaces every targeting rule; an EXPIRED offer is final. */
  async setTargeting(id: string, input: OfferTargetingInput, now = new Date()): Promise<void> {
    const targeting = checkTargeting(input);
    await this.offers.transaction(async (manager) => {
      const offer = await this.offers.lockById(manager, id);
      if (!offer) throw offerNotFound(id);
      if (offer.status === OfferStatus.EXPIRED) throw expiredOfferIsFinal();
      await this.offers.setTargeting(manager, id, targeting, now);
    });
  }

  async setStatus(id: string, status: OfferStatus, now = new Date()): Promise<void> {
    await this.offers.transaction(async (manager) => {
      const offer = await this.offers.lockById(manager, id);
      if (!offer) throw offerNotFound(id);
      assertTransition('offer', OFFER_TRANSITIONS, offer.status as OfferStatus, status);
      if (offer.status === status) return;
      if (status === OfferStatus.ACTIVE && offer.validUntil.getTime() <= now.getTime()) throw activationAfterWindow();
      await this.offers.setStatus(manager, id, status, now);
    });
  }
}

/** Validates the offer's design and turns it into columns; throws BAD_USER_INPUT before any SQL. */
function designOf(input: CreateOfferInput, now: Date): NewOffer {
  const status = input.status ?? OfferStatus.DRAFT;
  if (!(INITIAL_OFFER_STATUSES as readonly OfferStatus[]).includes(status)) throw badInitialOfferStatus(status);
  if (input.validUntil.getTime() <= input.validFrom.getTime()) throw offerWindowReversed();
  if (status === OfferStatus.ACTIVE && input.validUntil.getTime() <= now.getTime()) throw activationAfterWindow();
  const consentPurpose = (input.consentPurpose as OfferConsentPurpose | null | undefined) ?? defaultConsentPurpose(input.personalisationType);
  if (input.personalisationType === PersonalisationType.TRANSPARENT && consentPurpose !== 'PERSONALISATION') throw transparentNeedsPersonalisation();
  return {
    campaignId: input.campaignId.toLowerCase(),
    name: input.name,
    headline: input.headline,
    description: input.description ?? null,
    ...checkBenefit(input.benefitType, input.benefitValue, input.currency),
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    channel: input.channel,
    personalisationType: input.personalisationType,
    consentPurpose,
    priority: input.priority ?? 0,
    status,
    ...checkTargeting(input.targeting),
  };
}
