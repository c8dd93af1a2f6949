import { CampaignEntity } from '../campaign/campaign.entity';
import { numericAsNumber } from '../common/numeric';
import { OfferEntity } from './offer.entity';
import { OfferProductEntity } from './offer-product.entity';

/** One row of the live-offers statement: an offer, its campaign (c_*) and one of its products (p_*, null without products). */
export interface LiveOfferRow {
  id: string;
  campaign_id: string;
  name: string;
  headline: string;
  description: string | null;
  benefit_type: string;
  benefit_value: string | number | null;
  currency: string | null;
  valid_from: Date | string;
  valid_until: Date | string;
  channel: string;
  personalisation_type: string;
  consent_purpose: string;
  priority: number;
  status: string;
  target_segment_ids: string[];
  target_lifecycle_stages: string[];
  min_monetary: string | number | null;
  min_predicted_value: string | number | null;
  max_churn_risk: string | number | null;
  frequency_cap: number | null;
  frequency_cap_days: number | null;
  created_at: Date | string;
  updated_at: Date | string;
  c_name: string;
  c_description: string | null;
  c_objective: string | null;
  c_status: string;
  c_starts_at: Date | string;
  c_ends_at: Date | string | null;
  c_holdout_percent: string | number;
  c_holdout_seed: number;
  c_created_at: Date | string;
  c_updated_at: Date | string;
  p_sku: string | null;
  p_position: number | null;
}

/** The columns of LiveOfferRow, for the statement's select list. */
export const LIVE_OFFER_COLUMNS = `o.id, o.campaign_id, o.name, o.headline, o.description, o.benefit_type, o.benefit_value, o.currency,
  o.valid_from, o.valid_until, o.channel, o.personalisation_type, o.consent_purpose, o.priority, o.status,
  o.target_segment_ids, o.target_lifecycle_stages, o.min_monetary, o.min_predicted_value, o.max_churn_risk,
  o.frequency_cap, o.frequency_cap_days, o.created_at, o.updated_at,
  c.name AS c_name, c.description AS c_description, c.objective AS c_objective, c.status AS c_status,
  c.starts_at AS c_starts_at, c.ends_at AS c_ends_at, c.holdout_percent AS c_holdout_percent,
  c.holdout_seed AS c_holdout_seed, c.created_at AS c_created_at, c.updated_at AS c_updated_at,
  p.sku AS p_sku, p.position AS p_position`;

const numeric = (value: string | number | null): number | null => numericAsNumber.from(value);
const date = (value: Date | string): Date => new Date(value);

/**
 * Rows (offer x product, in statement order) -> one entity per offer, with its campaign and its products in
 * row order: the same objects TypeORM's join hydration built, without its per-row metadata walk.
 */
export function toLiveOffers<T extends OfferEntity & { campaign: CampaignEntity; products: OfferProductEntity[] }>(rows: readonly LiveOfferRow[]): T[] {
  const offers = new Map<string, T>();
  for (const r of rows) {
    let offer = offers.get(r.id);
    if (!offer) {
      const campaign = Object.assign(new CampaignEntity(), {
        id: r.campaign_id,
        name: r.c_name,
        description: r.c_description,
        objective: r.c_objective,
        status: r.c_status,
        startsAt: date(r.c_starts_at),
        endsAt: r.c_ends_at === null ? null : date(r.c_ends_at),
        holdoutPercent: numeric(r.c_holdout_percent)!,
        holdoutSeed: r.c_holdout_seed,
        createdAt: date(r.c_created_at),
        updatedAt: date(r.c_updated_at),
      });
      offer = Object.assign(new OfferEntity(), {
        id: r.id,
        campaignId: r.campaign_id,
        name: r.name,
        headline: r.headline,
        description: r.description,
        benefitType: r.benefit_type,
        benefitValue: numeric(r.benefit_value),
        currency: r.currency,
        validFrom: date(r.valid_from),
        validUntil: date(r.valid_until),
        channel: r.channel,
        personalisationType: r.personalisation_type,
        consentPurpose: r.consent_purpose,
        priority: r.priority,
        status: r.status,
        targetSegmentIds: r.target_segment_ids,
        targetLifecycleStages: r.target_lifecycle_stages,
        minMonetary: numeric(r.min_monetary),
        minPredictedValue: numeric(r.min_predicted_value),
        maxChurnRisk: numeric(r.max_churn_risk),
        frequencyCap: r.frequency_cap,
        frequencyCapDays: r.frequency_cap_days,
        createdAt: date(r.created_at),
        updatedAt: date(r.updated_at),
        campaign,
        products: [] as OfferProductEntity[],
      }) as T;
      offers.set(r.id, offer);
    }
    if (r.p_sku !== null) offer.products.push(Object.assign(new OfferProductEntity(), { offerId: r.id, sku: r.p_sku, position: r.p_position! }));
  }
  return [...offers.values()];
}
