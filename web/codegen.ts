import type { CodegenConfig } from '@graphql-codegen/cli';

// Types every operation of the web app from the gateway's public schema (web/schema.graphql,
// written by `npm run check:composition`). Codegen fails when an operation names a field or
// argument the schema no longer has, so CI catches a web app that drifted from the API.
const config: CodegenConfig = {
  schema: 'web/schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
  ignoreNoDocuments: false,
  errorsOnly: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
