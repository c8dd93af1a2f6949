import { hash } from 'node:crypto';

/** Each customer falls in one of 10,000 buckets per campaign; a holdout of p percent is buckets [0, p × 100). */
export const HOLDOUT_BUCKETS = 10_000;

export interface HoldoutSettings {
  campaignId: string;
  holdoutPercent: number;
  holdoutSeed: number;
}

/**
 * A customer's bucket in a campaign: sha256 of "<campaignId>:<customerId>:<seed>" (lower-case
 * UUIDs, decimal seed), its first 4 bytes read as an unsigned big-endian integer, mod 10,000.
 * Stable across processes and engines; `heldOutSql` is the same rule in SQL.
 */
export function holdoutBucket(campaignId: string, customerId: string, seed: number): number {
  // One-shot hash: the engine asks for every live offer of every customer on a page, and a Hash object per ask cost ~5x more.
  const digest = hash('sha256', `${campaignId.toLowerCase()}:${customerId.toLowerCase()}:${seed}`, 'hex');
  return parseInt(digest.slice(0, 8), 16) % HOLDOUT_BUCKETS;
}

/** Held out iff bucket < holdoutPercent × 100; never with a 0% holdout. */
export function isHeldOut(campaign: HoldoutSettings, customerId: string): boolean {
  const threshold = Math.round(campaign.holdoutPercent * 100);
  return threshold > 0 && holdoutBucket(campaign.campaignId, customerId, campaign.holdoutSeed) < threshold;
}

/** `isHeldOut` as a SQL predicate over a campaign alias and a customer id column (sha256 needs Postgres >= 11; PGlite has it). */
export const heldOutSql = (campaign: string, customerId: string) => `(
  ('x' || substr(encode(sha256(convert_to(${campaign}.id::text || ':' || ${customerId}::text || ':' || ${campaign}.holdout_seed::text, 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint
    % ${HOLDOUT_BUCKETS} < round(${campaign}.holdout_percent * 100)
)`;
