import { defaultFieldResolver, isNonNullType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { hasScope } from '../context/caller';
import type { SubgraphContext } from '../context/subgraph-context';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import type { Verdict } from './consent-decisions';
import { personalDataCategoryOf, type PersonalDataCategory } from './personal-data';

/** Scope a caller needs to receive any personal field at all (consent is checked on top). */
export const PII_SCOPE = 'customers.pii:read';

/** For each type with personal fields: whose data is this object? (a customer id) */
export type PersonalDataOwners = Record<string, (parent: Record<string, unknown>) => string | null | undefined>;

export interface GuardedField {
  type: string;
  field: string;
  category: PersonalDataCategory;
}

/**
 * Wraps the resolver of every field declared `@personalData` — and only those — so its value
 * is released after the owner's consent decision for the caller's purpose. Because it sits on
 * the field itself, root queries, `_entities`, aliases, fragments and nested paths all pass here.
 */
export function guardPersonalData(schema: GraphQLSchema, owners: PersonalDataOwners): GuardedField[] {
  const guarded: GuardedField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const category = personalDataCategoryOf(field);
      if (!category) continue;
      const ownerOf = owners[type.name];
      if (!ownerOf) throw new Error(`${type.name}.${field.name} is personal data, but no owner is declared for ${type.name}`);
      // A withheld value is null; on a non-null field that null would erase the whole parent object.
      if (isNonNullType(field.type)) throw new Error(`${type.name}.${field.name} is personal data and must be nullable, so it can be withheld alone`);
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, context, info) => {
        const ctx = context as SubgraphContext;
        if (!hasScope(ctx.caller, PII_SCOPE)) {
          return new DomainError(ErrorCode.FORBIDDEN, `Reading ${type.name}.${field.name} requires the ${PII_SCOPE} scope`, { scope: PII_SCOPE, category });
        }
        const owner = ownerOf(parent as Record<string, unknown>);
        if (!owner) return resolve(parent, args, context, info);
        const release = (decision: Verdict) => {
          if (!decision.allowed) {
            return new DomainError(ErrorCode.CONSENT_REQUIRED, `${type.name}.${field.name} is withheld: no consent covers ${category} data for purpose ${ctx.caller.purpose ?? '(none)'}`, {
              purpose: ctx.caller.purpose ?? null,
              category,
              reason: decision.reason,
            });
          }
          ctx.disclosures.record(owner, category, decision.consentRecordId ?? null);
          return resolve(parent, args, context, info);
        };
        // A decision the caller alone fixes is applied in the same tick; any other is asked (batched per request).
        const settled = ctx.consent.settledVerdict(owner, category);
        return settled ? release(settled) : ctx.consent.decide(owner, category).then(release);
      };
      guarded.push({ type: type.name, field: field.name, category });
    }
  }
  return guarded;
}

/** A subgraph's declaration: which types hold whose personal data, and what in them is not personal. */
export interface PersonalDataPolicy {
  /** Every type that carries information about a customer and names that customer: the owner (audience rule and field guard read it). */
  owners: PersonalDataOwners;
  /** Owned types whose objects only exist inside an owned parent (address, order line, score breakdown): visible exactly when the parent is. */
  ownedThroughParent?: readonly string[];
  /**
   * `Type.field` entries of owned types that hold no personal data (reviewed, not forgotten): not a value
   * of the customer, nor a mirror or function of a marked field (those carry the marked field's category).
   */
  nonPersonalFields: string[];
}
