import type { PersonalDataCategory } from './personal-data';

export interface Disclosure {
  customerId: string;
  categories: PersonalDataCategory[];
  consentRecordIds: string[];
}

/** Collects, during one request, which customers' personal data of which categories left the graph. */
export class RequestDisclosures {
  private readonly byCustomer = new Map<string, { categories: Set<PersonalDataCategory>; records: Set<string> }>();

  record(customerId: string, category: PersonalDataCategory, consentRecordId: string | null): void {
    const entry = this.byCustomer.get(customerId) ?? { categories: new Set(), records: new Set() };
    entry.categories.add(category);
    if (consentRecordId) entry.records.add(consentRecordId);
    this.byCustomer.set(customerId, entry);
  }

  list(): Disclosure[] {
    return [...this.byCustomer].map(([customerId, e]) => ({ customerId, categories: [...e.categories].sort(), consentRecordIds: [...e.records] }));
  }
}
