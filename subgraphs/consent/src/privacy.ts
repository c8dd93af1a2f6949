import type { PersonalDataPolicy } from '@c360/shared';

/**
 * The consent subgraph holds privacy records about customers, not profile data: they are
 * released by scope (consent:read) and, for disclosures, only to the customer or privacy staff.
 */
export const consentPersonalData: PersonalDataPolicy = {
  owners: {
    Customer: (customer) => customer.id as string,
    DataSubjectRequest: (request) => request.customerId as string,
  },
  nonPersonalFields: [
    'DataSubjectRequest.id',
    'DataSubjectRequest.customerId',
    'DataSubjectRequest.kind',
    'DataSubjectRequest.status',
    'DataSubjectRequest.requestedAt',
    'DataSubjectRequest.completedAt',
    'DataSubjectRequest.parts',
    'Customer.id',
    'Customer.consents',
    'Customer.consentHistory',
    'Customer.disclosures',
  ],
};
