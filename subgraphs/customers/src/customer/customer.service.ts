import type { CountryCode } from 'libphonenumber-js';
import { CallerKind, TIME_ID_CURSOR, decodeCursor, encodeCursor, isUniqueViolation, violatedConstraint, pageSize, toPage, type Caller, type Page, type Visibility } from '@c360/shared';
import type { CustomerEntity } from './customer.entity';
import { toE164 } from './phone-number';
import type { FilterReleases } from './customer-filter.privacy';
import { birthDateInFuture, customerNotFound, emailTaken, externalIdTaken, followMergesStaffOnly, missingName, selfServiceIdentifier } from './customer.errors';
import type { CreateCustomerInput, CustomerFilter, CustomerProfileInput, UpdateCustomerInput } from './customer.input';
import type { CustomerLoaders } from './customer.loaders';
import { toCustomerType } from './customer.mapper';
import type { CustomerRepository, NewCustomer } from './customer.repository';
import type { CustomerType } from './customer.type';
import { recordEvent } from '@c360/shared';
import type { EntityManager } from 'typeorm';

/** Refuses external ids of erased customers (the subject-data tombstones). */
export interface ErasedIdentityGuard {
  refuseErased(externalIds: readonly { system: string; id: string }[], argument?: string): Promise<void>;
  /** First in the transaction that adds them: waits for an erasure step in flight, then reads the tombstones. */
  refuseErasedWithin(manager: EntityManager, externalIds: readonly { system: string; id: string }[], argument?: string): Promise<void>;
}

const NO_ERASURES: ErasedIdentityGuard = { refuseErased: async () => undefined, refuseErasedWithin: async () => undefined };

const customerCursor = (c: CustomerEntity) => encodeCursor([c.createdAt.toISOString(), c.id]);

/** Business rules for customer profiles. */
export class CustomerService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly erased: ErasedIdentityGuard = NO_ERASURES,
    /** Region a national phone number is read in (PHONE_DEFAULT_REGION). */
    private readonly phoneRegion: CountryCode = 'GB',
  ) {}

  /** A page of the customers the caller may see; totalCount counts only those too (and is only counted when asked for). */
  async list(
    first: number | null | undefined,
    after: string | null | undefined,
    filter: CustomerFilter | null | undefined,
    visibility: Visibility = { all: true },
    withTotalCount = true,
    releases: FilterReleases = {},
  ): Promise<Page<CustomerType>> {
    const size = pageSize(first);
    const afterKey = after ? (decodeCursor(after, TIME_ID_CURSOR) as [string, string]) : undefined;
    const onlyIds = visibility.all ? undefined : [...visibility.ids];
    const { rows, totalCount } = await this.customers.page({ size, after: afterKey, onlyIds, withTotalCount, ...filter, releases });
    return toPage(rows, size, totalCount, customerCursor, toCustomerType);
  }

  /**
   * Who holds a source system's id (null: nobody), through the request's loaders. `followMerges` false leaves
   * out the external ids a standing merge moved to their holder; whether an id came with a merge is a fact
   * about two people, so only staff tools and the sign-in (internal callers) may ask: anyone else is refused
   * FORBIDDEN here, synchronously, before anything is loaded.
   */
  holderOfExternalId(caller: Caller, loaders: Pick<CustomerLoaders, 'customerIdByExternalId' | 'customerIdByLinkedExternalId'>, system: string, externalId: string, followMerges: boolean): Promise<string | null> {
    if (!followMerges && caller.kind !== CallerKind.INTERNAL_APP) throw followMergesStaffOnly();
    const holders = followMerges ? loaders.customerIdByExternalId : loaders.customerIdByLinkedExternalId;
    return holders.load(`${system}\u0000${externalId}`);
  }

  async create(input: CreateCustomerInput, now = new Date()): Promise<string> {
    const displayName = input.displayName ?? deriveDisplayName(input);
    if (!displayName) throw missingName();
    checkBirthDate(input.birthDate, now);
    await this.erased.refuseErased(input.externalIds ?? []);
    const customer: NewCustomer = {
      ...EMPTY_PROFILE,
      ...profileColumns(input, this.phoneRegion),
      displayName,
      locale: input.locale ?? 'en',
      acquisitionChannel: input.acquisitionChannel,
      acquisitionSource: input.acquisitionSource ?? null,
    };
    return this.withExternalIdConflicts('externalIds', () =>
      this.customers.transaction(async (manager) => {
        await this.erased.refuseErasedWithin(manager, input.externalIds ?? []);
        const id = await this.customers.insert(manager, customer, input.externalIds ?? [], now);
        await recordEvent(manager, { type: 'customer.created', customerId: id, payload: { customerId: id }, occurredAt: now });
        return id;
      }),
    );
  }

  /**
   * Changes the given fields. A customer updating itself (self-service) may not add external ids nor
   * change its e-mail address to another one: refused before any check that reads other customers.
   */
  async update(id: string, input: UpdateCustomerInput, now = new Date(), caller?: Pick<Caller, 'kind'>): Promise<string> {
    const selfService = caller?.kind === CallerKind.CUSTOMER;
    if (selfService && (input.addExternalIds?.length ?? 0) > 0) throw selfServiceIdentifier('addExternalIds');
    checkBirthDate(input.birthDate, now);
    if (input.displayName === null) throw missingName();
    const changes = profileColumns(input, this.phoneRegion);
    await this.erased.refuseErased(input.addExternalIds ?? [], 'addExternalIds');
    await this.withExternalIdConflicts('addExternalIds', () =>
      this.customers.transaction(async (manager) => {
        // Its own address again, or none, is no change of identity; any other would be (taken or not).
        if (selfService && changes.email && changes.email !== (await this.customers.emailOf(manager, id))) throw selfServiceIdentifier('email');
        await this.erased.refuseErasedWithin(manager, input.addExternalIds ?? [], 'addExternalIds');
        if (!(await this.customers.update(manager, id, changes, now))) throw customerNotFound(id);
        await this.customers.addExternalIds(manager, id, input.addExternalIds ?? []);
        await recordEvent(manager, { type: 'customer.updated', customerId: id, payload: { customerId: id, fields: Object.keys(changes).sort() }, occurredAt: now });
      }),
    );
    return id;
  }

  private async withExternalIdConflicts<T>(argument: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (violatedConstraint(error) === EMAIL_INDEX) throw emailTaken();
      throw externalIdTaken(argument);
    }
  }
}

/** The unique index on lower(email): one customer per address, whatever its case. */
const EMAIL_INDEX = 'customer_email';

const EMPTY_PROFILE = {
  givenName: null,
  familyName: null,
  email: null,
  phone: null,
  birthDate: null,
  addressLine1: null,
  addressLine2: null,
  postalCode: null,
  city: null,
  region: null,
  countryCode: null,
};

function deriveDisplayName(input: CustomerProfileInput): string | null {
  const name = [input.givenName, input.familyName].filter(Boolean).join(' ');
  return name || null;
}

function checkBirthDate(birthDate: string | null | undefined, now: Date): void {
  if (birthDate && new Date(`${birthDate}T00:00:00Z`) > now) throw birthDateInFuture();
}

/** Only the fields present in the input become column changes (undefined = leave as is). */
function profileColumns(input: CustomerProfileInput, phoneRegion: CountryCode): Partial<NewCustomer> {
  const changes: Partial<NewCustomer> = {};
  const set = <K extends keyof NewCustomer>(key: K, value: NewCustomer[K] | undefined) => {
    if (value !== undefined) changes[key] = value;
  };
  set('displayName', input.displayName ?? undefined);
  set('givenName', input.givenName);
  set('familyName', input.familyName);
  set('email', input.email === undefined ? undefined : (input.email?.toLowerCase() ?? null));
  set('phone', toE164(input.phone, phoneRegion));
  set('birthDate', input.birthDate);
  set('locale', input.locale ?? undefined);
  if (input.address !== undefined) {
    const a = input.address;
    set('addressLine1', a?.line1 ?? null);
    set('addressLine2', a?.line2 ?? null);
    set('postalCode', a?.postalCode ?? null);
    set('city', a?.city ?? null);
    set('region', a?.region ?? null);
    set('countryCode', a?.countryCode ?? null);
  }
  return changes;
}
