import type { DataSource } from 'typeorm';
import { readReleasePolicySettings, type ReleasePolicySettings } from '../analytics.settings';
import { AggregateReleasePolicy } from './aggregate-release-policy';
import { PrivacyBudget } from './privacy-budget';
import { PrivacyBudgetRepository } from './privacy-budget.repository';
import { cryptoNoise, seededNoise, type NoiseSource } from './noise-source';

/** What a subgraph that releases aggregates holds: the policy and its own budget ledger. */
export interface AggregateReleaseSetup {
  policy: AggregateReleasePolicy;
  budget: PrivacyBudget;
}

/** Built once per app from settings read once at boot; `schema` is the subgraph's own. */
export function createAggregateRelease(dataSource: DataSource, schema: string, noise?: NoiseSource, settings: ReleasePolicySettings = readReleasePolicySettings()): AggregateReleaseSetup {
  return {
    policy: new AggregateReleasePolicy(settings, noise ?? (settings.noiseSeed !== undefined ? seededNoise(settings.noiseSeed) : cryptoNoise)),
    budget: new PrivacyBudget(new PrivacyBudgetRepository(dataSource, schema), settings.dailyEpsilonBudget, settings.epsilonPerQuery),
  };
}
