import DataLoader from 'dataloader';
import type { PartnerEntity } from './partner.entity';
import type { PartnerRepository } from './partner.repository';

export function createPartnerLoaders(partners: PartnerRepository) {
  return {
    partnerById: new DataLoader<string, PartnerEntity | null>(async (ids) => {
      const byId = new Map((await partners.findByIds(ids)).map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type PartnerLoaders = ReturnType<typeof createPartnerLoaders>;
