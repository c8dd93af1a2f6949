import { isUniqueViolation } from '@c360/shared';
import type { PartnerEntity } from './partner.entity';
import { partnerExists, partnerNotFound } from './partner.errors';
import type { RegisterPartnerInput } from './partner.input';
import type { PartnerRepository } from './partner.repository';

/**
 * The partner registry. A partner is registered once and never deleted (the consent and
 * disclosure ledgers name it); deactivating it stops new grants and every disclosure to it at
 * once, while customers can still withdraw. Reactivating lets existing grants apply again.
 */
export class PartnerService {
  constructor(private readonly partners: PartnerRepository) {}

  list(activeOnly: boolean): Promise<PartnerEntity[]> {
    return this.partners.all().then((all) => (activeOnly ? all.filter((p) => p.active) : all));
  }

  async register(input: RegisterPartnerInput, now = new Date()): Promise<PartnerEntity> {
    try {
      return await this.partners.insert({ id: input.id, name: input.name.trim(), description: input.description?.trim() || null, active: true, createdAt: now });
    } catch (error) {
      if (isUniqueViolation(error)) throw partnerExists();
      throw error;
    }
  }

  async setActive(id: string, active: boolean): Promise<PartnerEntity> {
    const partner = await this.partners.setActive(id, active);
    if (!partner) throw partnerNotFound(id);
    return partner;
  }
}
