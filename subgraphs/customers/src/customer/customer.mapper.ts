import type { CustomerEntity } from './customer.entity';
import type { AcquisitionChannel } from './customer.enums';
import type { CustomerType } from './customer.type';

/** Entity -> API type: only fields listed here reach the graph. */
export function toCustomerType(entity: CustomerEntity): CustomerType {
  const hasAddress = [entity.addressLine1, entity.postalCode, entity.city, entity.region, entity.countryCode].some((v) => v !== null);
  return {
    id: entity.id,
    displayName: entity.displayName,
    givenName: entity.givenName,
    familyName: entity.familyName,
    email: entity.email,
    phone: entity.phone,
    birthDate: entity.birthDate,
    address: hasAddress
      ? { line1: entity.addressLine1, line2: entity.addressLine2, postalCode: entity.postalCode, city: entity.city, region: entity.region, countryCode: entity.countryCode }
      : null,
    locale: entity.locale,
    acquisitionChannel: entity.acquisitionChannel as AcquisitionChannel,
    acquisitionSource: entity.acquisitionSource,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
