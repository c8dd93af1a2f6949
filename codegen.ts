import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the operations the end-to-end tests send through the gateway. */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  generates: {
    'tests/generated/graphql.ts': {
      documents: ['tests/operations/**/*.graphql'],
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { useTypeImports: true, enumsAsTypes: true, avoidOptionals: false, skipTypename: true, scalars: { DateTimeISO: 'string', LocalDate: 'string', JSONObject: 'Record<string, unknown>' } },
    },
    // The privacy centre and console (web/): typed document strings, no GraphQL runtime in the browser.
    'web/src/gql/': {
      documents: ['web/src/graphql/**/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { documentMode: 'string', useTypeImports: true, enumsAsTypes: true, skipTypename: true, scalars: { DateTimeISO: 'string', LocalDate: 'string', JSONObject: 'Record<string, unknown>' } },
    },
    // The trusted documents PARTNER and BI tokens may run, one manifest per kind: ids are sha256 of each printed document.
    ...Object.fromEntries(
      ['partner', 'bi'].map((kind) => [
        `safelist/generated/${kind}/`,
        {
          documents: [`safelist/${kind}/**/*.graphql`],
          preset: 'client' as const,
          presetConfig: { persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' }, fragmentMasking: false },
          config: { useTypeImports: true, enumsAsTypes: true, skipTypename: true, scalars: { DateTimeISO: 'string', LocalDate: 'string', JSONObject: 'Record<string, unknown>' } },
        },
      ]),
    ),
  },
  hooks: { afterOneFileWrite: [] },
};

export default config;
