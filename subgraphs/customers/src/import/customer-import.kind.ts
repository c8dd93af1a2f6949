import type { CountryCode } from 'libphonenumber-js';
import type { ImportKind } from '@c360/shared';
import { outboxRecording } from '@c360/shared/events/outbox-switch';
import { phoneRule } from '../customer/phone-number';
import { CUSTOMER_PARAMS as P, customerBatchFacts, type ErasedExternalIds } from './customer-import.rules';
import { compareResent, customerChecks, insertNewCustomers, recordCreatedEvents, rejectErasedSinceFacts, rejectSharedEmails } from './customer-import.sql';

/**
 * Customers keyed by source system + external id (customers.external_identity). An NDJSON row is
 * `{"externalId","acquisitionChannel","displayName"?,"givenName"?,"familyName"?,"email"?,"phone"?,"birthDate"?,
 * "addressLine1"?,"addressLine2"?,"postalCode"?,"city"?,"region"?,"countryCode"?,"locale"?,"acquisitionSource"?}`;
 * a CSV row has the same columns. An import only creates customers: it never changes one. Each customer it
 * creates records `customer.created` as createCustomer does, in the batch's transaction.
 */
export function customerImportKind(region: CountryCode, erased: ErasedExternalIds, afterImport: () => Promise<void>): ImportKind {
  const text = (name: string, field: string, required = false) => ({ name, field, type: 'text' as const, required });
  return {
    name: 'customers',
    schema: 'customers',
    aboutCustomers: true,
    scope: 'customers:write',
    records: {
      name: 'customers',
      columns: [
        { name: 'customer_id', field: '(id)', type: 'uuid', generated: 'uuid' },
        text('external_id', 'externalId', true),
        text('acquisition_channel', 'acquisitionChannel', true),
        text('display_name', 'displayName'),
        text('given_name', 'givenName'),
        text('family_name', 'familyName'),
        text('email', 'email'),
        text('phone', 'phone'),
        text('birth_date', 'birthDate'),
        text('address_line1', 'addressLine1'),
        text('address_line2', 'addressLine2'),
        text('postal_code', 'postalCode'),
        text('city', 'city'),
        text('region', 'region'),
        text('country_code', 'countryCode'),
        text('locale', 'locale'),
        text('acquisition_source', 'acquisitionSource'),
      ],
    },
    checks: customerChecks(phoneRule(region)),
    prepare: ({ tables, query, sourceSystem, now }) => customerBatchFacts(query, tables.records, sourceSystem, region, erased, now),
    async merge({ tables, query, jobId, sourceSystem, params, now, caller }) {
      const identities = [P.lines, P.emails, P.phones].map((n) => params[n - 3].value);
      // An erasure that committed since the facts were read (the runner holds the customer gate, so none is running now).
      const [erasedSince] = await query(rejectErasedSinceFacts(tables), [jobId, params[P.lines - 3].value, params[P.hashes - 3].value]);
      const [shared] = await query(rejectSharedEmails(tables), [jobId]);
      const [inserted] = await query(insertNewCustomers(tables), [sourceSystem, now, ...identities, caller.clientId]);
      const refused = Number(erasedSince.rejected) + Number(shared.rejected);
      const all = Number(inserted.inserted) === Number(inserted.staged);
      if (Number(inserted.inserted) > 0 && outboxRecording()) await query(recordCreatedEvents(tables, all), [now]);
      // Every staged customer was new: nothing was re-sent, so there is nothing to compare.
      if (all) return { inserted: Number(inserted.inserted), updated: 0, unchanged: 0, conflicts: refused };
      const [resent] = await query(compareResent(tables), [jobId, sourceSystem, ...identities, caller.clientId]);
      return { inserted: Number(inserted.inserted), updated: 0, unchanged: Number(resent.unchanged), conflicts: refused + Number(resent.conflicts) };
    },
    afterImport,
  };
}
