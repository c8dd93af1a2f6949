import type { PartnerEntity } from './partner.entity';
import type { PartnerRepository } from './partner.repository';

export class PartnerService {
  constructor(private readonly partners: PartnerRepository) {}

  list(activeOnly: boolean): Promise<PartnerEntity[]> {
    return this.partners.all().then((all) => (activeOnly ? all.filter((p) => p.active) : all));
  }
}
