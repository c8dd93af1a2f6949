import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the operations the end-to-end tests send through the gateway. */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['tests/operations/**/*.graphql'],
  generates: {
    'tests/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { useTypeImports: true, enumsAsTypes: true, avoidOptionals: false, skipTypename: true, scalars: { DateTimeISO: 'string', LocalDate: 'string', JSONObject: 'Record<string, unknown>' } },
    },
  },
  hooks: { afterOneFileWrite: [] },
};

export default config;
