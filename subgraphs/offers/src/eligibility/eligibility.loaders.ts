import DataLoader from 'dataloader';
import { isUuid, PersonalDataCategory, type RequestConsentDecisions } from '@c360/shared';
import type { CampaignLoaders } from '../campaign/campaign.loaders';
import { once } from '../common/memo';
import type { OfferLoaders } from '../offer/offer.loaders';
import { OFFER_CONSENT_PURPOSES, PersonalisationType, type OfferConsentPurpose } from '../offer/offer.enums';
import { toOfferType } from '../offer/offer.mapper';
import type { OfferRepository } from '../offer/offer.repository';
import { CONSENT_CATEGORY, needsValue, type CandidateOffer } from './eligibility.rules';
import type { ExposureRepository } from './exposure.repository';
import type { CoPurchaseNeed, CustomersFacts, CustomersNeed, TargetingSources, TransactionsFacts } from './targeting-sources';
import type { CoPurchase, ConsentVerdict, ChannelContacts, CustomerTargetingFacts, Exposure } from './targeting-facts';

/** Whether the asking field ranks (nextBestOffers needs affinities and co-purchases; eligibleOffers does not). */
export interface FactsKey {
  customerId: string;
  ranking: boolean;
}

export interface EligibilityLoaderDeps {
  offers: OfferRepository;
  offerLoaders: OfferLoaders;
  campaignLoaders: CampaignLoaders;
  exposures: ExposureRepository;
  sources: TargetingSources;
  consentFor(purpose: string): RequestConsentDecisions;
  now?: () => Date;
}

/**
 * Per request: the live offers (one statement, primes offerById, campaignById and skusByOffer)
 * and the targeting facts of every customer asked about in one batch: one exposure statement,
 * one call per peer (only when a live offer or the ranking needs it) and one batched consent
 * decision per purpose. Any source that fails leaves its facts null: rules needing them fail closed.
 */
export function createEligibilityLoaders(deps: EligibilityLoaderDeps) {
  const now = deps.now ?? (() => new Date());
  const liveOffers = once(async (): Promise<CandidateOffer[]> => {
    const rows = await deps.offers.findLive(now());
    return rows.map(({ campaign, products, ...offer }) => {
      const skus = products.map((p) => p.sku);
      deps.offerLoaders.offerById.prime(offer.id, offer);
      deps.offerLoaders.skusByOffer.prime(offer.id, skus);
      deps.campaignLoaders.campaignById.prime(campaign.id, campaign);
      return { offer: toOfferType(offer), skus, holdout: { campaignId: campaign.id, holdoutPercent: campaign.holdoutPercent, holdoutSeed: campaign.holdoutSeed } };
    });
  });

  const targetingFacts = new DataLoader<FactsKey, CustomerTargetingFacts, string>(
    async (keys) => {
      const candidates = await liveOffers();
      const ids = [...new Set(keys.map((k) => k.customerId))].filter(isUuid);
      const ranking = keys.some((k) => k.ranking);
      const facts = await gatherFacts(deps, candidates, ids, ranking, now());
      return keys.map((k) => facts.get(k.customerId) ?? emptyFacts(k.customerId));
    },
    { cacheKeyFn: (k) => `${k.customerId}|${k.ranking}` },
  );

  return { liveOffers, targetingFacts };
}

async function gatherFacts(deps: EligibilityLoaderDeps, candidates: CandidateOffer[], ids: string[], ranking: boolean, now: Date): Promise<Map<string, CustomerTargetingFacts>> {
  if (ids.length === 0 || candidates.length === 0) return new Map();
  const offers = candidates.map((c) => c.offer);
  const needsTransactions = ranking || candidates.some((c) => c.skus.length > 0 || needsValue(c.offer));
  const needsSegments = offers.some((o) => o.targeting.segmentIds.length > 0);
  const collaborative = candidates.filter((c) => c.offer.personalisationType === PersonalisationType.COLLABORATIVE);
  // An offer with products can only be filled from its own (in-stock) skus; one without, from any in-stock sku.
  const coPurchases: CoPurchaseNeed =
    ranking && collaborative.length > 0 ? { alsoBoughtIn: collaborative.every((c) => c.skus.length > 0) ? [...new Set(collaborative.flatMap((c) => c.skus))] : null } : null;
  const purposes = OFFER_CONSENT_PURPOSES.filter((p) => offers.some((o) => o.consentPurpose === p));
  const skus = [...new Set(candidates.flatMap((c) => c.skus))];

  const [transactions, customers, exposures, consent] = await Promise.all([
    needsTransactions ? deps.sources.transactions(ids, skus, coPurchases).catch(failClosed('transactions')) : null,
    // Only the ranking uses interests; without them (peer down) the score simply has no interest terms.
    customersFacts(deps.sources, ids, { segments: needsSegments, interests: ranking && !!(deps.sources.customers ?? deps.sources.interests) }).catch(failClosed('customers')),
    // Always read: the contact policy caps every offer of a channel, whatever its own targeting.
    deps.exposures.exposures(ids, offers.map((o) => o.id), now),
    decideConsent(deps, purposes, ids),
  ]);
  // A customers peer that could not answer fails segment targeting closed (null) and leaves no interests.
  const segments = needsSegments ? (customers?.segments ?? null) : new Map<string, string[]>();
  const interests = customers?.interests ?? null;
  const exposuresOf = new Map<string, Map<string, Exposure>>();
  for (const e of exposures.byOffer) {
    if (!exposuresOf.has(e.customerId)) exposuresOf.set(e.customerId, new Map());
    exposuresOf.get(e.customerId)!.set(e.offerId, { shownInCapWindow: e.shownInCapWindow, lastShownAt: e.lastShownAt });
  }
  const contactsOf = new Map<string, Map<string, ChannelContacts>>();
  for (const c of exposures.byChannel) {
    if (!contactsOf.has(c.customerId)) contactsOf.set(c.customerId, new Map());
    contactsOf.get(c.customerId)!.set(c.channel, { shown: c.shown, maxShown: c.maxShown, withinDays: c.withinDays });
  }
  const pairsFrom = indexBySourceSku(transactions?.coPurchases ?? []);
  return new Map(
    ids.map((customerId) => {
      const purchases = transactionsPart(transactions, customerId);
      return [
        customerId,
        {
          customerId,
          consent: consent.get(customerId) ?? {},
          segments: segments === null ? null : (segments.get(customerId) ?? []),
          purchases,
          products: transactions?.products ?? null,
          coPurchases: pairsBoughtFrom(pairsFrom, purchases?.skus ?? []),
          exposures: exposuresOf.get(customerId) ?? new Map(),
          contacts: contactsOf.get(customerId) ?? new Map(),
          interests: interests?.get(customerId) ?? [],
        },
      ];
    }),
  );
}

/** The batch's co-purchase pairs by the sku bought first, each with its place in the peer's list; built once per batch. */
function indexBySourceSku(pairs: readonly CoPurchase[]): Map<string, { at: number; pair: CoPurchase }[]> {
  const index = new Map<string, { at: number; pair: CoPurchase }[]>();
  pairs.forEach((pair, at) => {
    if (!index.has(pair.sku)) index.set(pair.sku, []);
    index.get(pair.sku)!.push({ at, pair });
  });
  return index;
}

/**
 * Only the pairs whose source sku the customer bought (the engine ignores every other pair),
 * in the peer's order so ties resolve as before: each COLLABORATIVE offer then scans a few
 * pairs, not the whole batch's list.
 */
function pairsBoughtFrom(index: ReadonlyMap<string, { at: number; pair: CoPurchase }[]>, skus: readonly string[]): CoPurchase[] {
  if (index.size === 0) return [];
  const mine = [...new Set(skus)].flatMap((sku) => index.get(sku) ?? []);
  return mine.sort((a, b) => a.at - b.at).map((p) => p.pair);
}

/** Segments and interests from the customers subgraph in one call when the sources can, else one call per part. */
async function customersFacts(sources: TargetingSources, ids: string[], need: CustomersNeed): Promise<CustomersFacts> {
  if (!need.segments && !need.interests) return { segments: null, interests: null };
  if (sources.customers) return sources.customers(ids, need);
  const [segments, interests] = await Promise.all([need.segments ? sources.segments(ids) : null, need.interests && sources.interests ? sources.interests(ids) : null]);
  return { segments, interests };
}

const transactionsPart = (facts: TransactionsFacts | null, customerId: string) => (facts ? (facts.purchases.get(customerId) ?? null) : null);

/** Purpose-only decisions (is this customer reachable for MARKETING / PERSONALISATION?), batched per purpose; unavailable = not allowed. */
async function decideConsent(deps: EligibilityLoaderDeps, purposes: readonly OfferConsentPurpose[], ids: string[]) {
  const verdicts = new Map<string, Partial<Record<OfferConsentPurpose, ConsentVerdict>>>(ids.map((id) => [id, {}]));
  await Promise.all(
    purposes.flatMap((purpose) => {
      const decisions = deps.consentFor(purpose);
      return ids.map(async (id) => {
        const decision = await decisions.decide(id, PersonalDataCategory[CONSENT_CATEGORY[purpose]]);
        verdicts.get(id)![purpose] = { allowed: decision.allowed, reason: decision.reason };
      });
    }),
  );
  return verdicts;
}

const failClosed = (peer: string) => (error: unknown) => {
  process.stderr.write(`[offers] ${peer} facts unavailable, rules needing them fail closed: ${(error as Error).message}\n`);
  return null;
};

const emptyFacts = (customerId: string): CustomerTargetingFacts => ({ customerId, consent: {}, segments: null, purchases: null, products: null, coPurchases: [], exposures: new Map(), contacts: new Map() });

export type EligibilityLoaders = ReturnType<typeof createEligibilityLoaders>;
