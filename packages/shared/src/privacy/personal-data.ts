import { DirectiveLocation, GraphQLDirective, GraphQLEnumType, GraphQLNonNull, type GraphQLField } from 'graphql';
import { Directive } from 'type-graphql';

/** Kinds of personal data; purposes declare which of them they cover. */
export enum PersonalDataCategory {
  IDENTITY = 'IDENTITY',
  CONTACT = 'CONTACT',
  LOCATION = 'LOCATION',
  DEMOGRAPHIC = 'DEMOGRAPHIC',
  FINANCIAL = 'FINANCIAL',
  BEHAVIOURAL = 'BEHAVIOURAL',
}

export const PERSONAL_DATA_SPEC_URL = 'https://specs.customer360.dev/privacy/v1.0';

const categoryEnum = new GraphQLEnumType({
  name: 'PersonalDataCategory',
  description: 'Category of personal data a field holds',
  values: Object.fromEntries(Object.values(PersonalDataCategory).map((c) => [c, { value: c }])),
});

/** `directive @personalData(category: PersonalDataCategory!) on FIELD_DEFINITION`, composed into the supergraph. */
export const personalDataDirective = new GraphQLDirective({
  name: 'personalData',
  description: 'The field holds personal data of this category: it is released only under a consent decision',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { category: { type: new GraphQLNonNull(categoryEnum) } },
});

/** Marks a GraphQL field as personal data (the consent guard and the data map read it). */
export const PersonalData = (category: PersonalDataCategory) => Directive(`@personalData(category: ${category})`);

/** The category a schema field declares, if any. */
export function personalDataCategoryOf(field: GraphQLField<unknown, unknown>): PersonalDataCategory | undefined {
  const directive = field.astNode?.directives?.find((d) => d.name.value === 'personalData');
  const argument = directive?.arguments?.find((a) => a.name.value === 'category');
  return argument?.value.kind === 'EnumValue' ? (argument.value.value as PersonalDataCategory) : undefined;
}
