import type { PartnerEntity } from './partner.entity';
import type { PartnerType } from './partner.type';

export const toPartnerType = (e: PartnerEntity): PartnerType => ({ id: e.id, name: e.name, description: e.description, active: e.active });
