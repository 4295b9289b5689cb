import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the portal, read straight from the API's SDL files so no running server is needed.
 * `npm run codegen:check` fails when the committed output in src/generated is stale.
 */
const config: CodegenConfig = {
  schema: ['../api/src/core/graphql/base.graphql', '../api/src/modules/*/*.graphql'],
  documents: ['src/**/*.tsx', 'src/**/*.ts', '!src/generated/**', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { gqlTagName: 'graphql', fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypeNameForRoot: true,
        scalars: { Date: 'string', DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: false },
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
