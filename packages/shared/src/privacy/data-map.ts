import { isObjectType, type GraphQLSchema } from 'graphql';
import { personalDataCategoryOf, type PersonalDataCategory } from './personal-data';

export interface DataMapEntry {
  subgraph: string;
  type: string;
  field: string;
  category: PersonalDataCategory;
}

/** Every field a subgraph declares as personal data. */
export function personalDataFields(subgraph: string, schema: GraphQLSchema): DataMapEntry[] {
  const entries: DataMapEntry[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const category = personalDataCategoryOf(field);
      if (category) entries.push({ subgraph, type: type.name, field: field.name, category });
    }
  }
  return entries.sort((a, b) => `${a.type}.${a.field}`.localeCompare(`${b.type}.${b.field}`));
}
