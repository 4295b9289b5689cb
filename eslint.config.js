import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** One lint setup for every workspace. Type-aware rules stay off: `tsc` in `npm run lint` covers types. */
export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '.data/**',
      '**/artifacts/**',
      '.turbo/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  ...moduleBoundaries(),
  ...oneWayEach(),
);

/**
 * The API's module boundaries. A module (`apps/api/src/modules/<feature>/`) is reached only through its `index.ts`;
 * `core/` imports no module at all (main.ts hands it the modules); neither imports the demo. Test files may reach into a module to set things
 * up, so they are exempt from both (a core test that needs the whole API imports `modules/index.js`).
 */
function moduleBoundaries() {
  const api = 'apps/api/src';
  const tests = ['**/*.test.ts'];
  const internals = {
    regex: '(^|/)modules/[^/]+/(?!index\\.js$)',
    message:
      'Import another module only through its index.ts (modules/<feature>/index.js), its one public surface.',
  };
  const siblingInternals = {
    regex: '^\\.\\./(?!\\.)[^/]+/(?!index\\.js$)',
    message:
      "A module reaches another module only through that module's index.ts ('../<feature>/index.js'), its one public surface.",
  };
  const anyModule = {
    regex: '(^|/)modules(/|$)',
    message:
      'core/ is shared by every module and imports none: take what you need as a parameter (main.ts passes the modules in).',
  };
  const demo = {
    regex: '(^|/)demo/',
    message: 'Demo content is loaded by src/demo through the modules; production code never imports it.',
  };
  const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
  return [
    { files: [`${api}/**/*.{ts,tsx}`], ignores: tests, rules: restrict(internals) },
    {
      files: [`${api}/modules/*/*.{ts,tsx}`],
      ignores: tests,
      rules: restrict(internals, siblingInternals, demo),
    },
    { files: [`${api}/core/**/*.{ts,tsx}`], ignores: tests, rules: restrict(anyModule, demo) },
  ];
}

/**
 * Two things the API does in one place only: the environment is read in core/config.ts (`readConfig`), and an error
 * with an `extensions.code` is made by core/errors.ts (`coded`, from the one ErrorCode list). graphql-js's scalar
 * coercion errors (core/graphql/scalars.ts) carry no code of their own: Apollo files them under its request codes.
 */
function oneWayEach() {
  const api = 'apps/api/src';
  const env = {
    selector: "MemberExpression[object.name='process'][property.name='env']",
    message:
      'Read settings through readConfig (core/config.ts): the variable, its default and its parsing live there.',
  };
  const graphqlError = {
    selector: "NewExpression[callee.name='GraphQLError']",
    message:
      'Make coded errors with coded() or codedBody() from core/errors.ts, so every code is an ErrorCode.',
  };
  return [
    {
      files: [`${api}/**/*.{ts,tsx}`],
      ignores: ['**/*.test.ts'],
      rules: { 'no-restricted-syntax': ['error', env, graphqlError] },
    },
    { files: [`${api}/core/config.ts`], rules: { 'no-restricted-syntax': ['error', graphqlError] } },
    {
      files: [`${api}/core/errors.ts`, `${api}/core/graphql/scalars.ts`],
      rules: { 'no-restricted-syntax': ['error', env] },
    },
  ];
}
