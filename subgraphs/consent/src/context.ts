import type { SubgraphContext } from '@c360/shared';
import type { ConsentLoaders } from './consent/consent.loaders';
import type { LedgerLoaders } from './ledger/ledger.loaders';
import type { PartnerLoaders } from './partner/partner.loaders';
import type { PurposeLoaders } from './purpose/purpose.loaders';
import type { DisclosureLoaders } from './disclosure/disclosure.resolver';

export type ConsentSubgraphLoaders = PurposeLoaders & PartnerLoaders & ConsentLoaders & LedgerLoaders & DisclosureLoaders;
export type ConsentContext = SubgraphContext<ConsentSubgraphLoaders>;
