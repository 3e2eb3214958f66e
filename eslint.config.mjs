// Lint: typescript-eslint's recommended rules plus import/no-cycle, which keeps the
// dependency direction common/config/database/queue ← modules ← workflows ← entry points.
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/database/migrations/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { import: importPlugin },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/workflows/**'], message: 'Modules never import workflows.' }] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Only the entry points and the workflows may depend on workflows.
    files: ['src/workflows/**/*.ts', 'src/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/modules/**/*.ts', 'src/common/**/*.ts', 'src/config/**/*.ts', 'src/database/**/*.ts', 'src/queue/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through ConfigService; only src/config reads process.env.' }],
    },
  },
  {
    files: ['src/config/read-environment.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The pages' own scripts: plain browser scripts, loaded after Form.io's bundle.
    files: ['public/js/**/*.js', 'public/vendor-l10n/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      ecmaVersion: 2020,
      globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', Formio: 'readonly', console: 'readonly' },
    },
    rules: { 'no-console': 'error' },
  },
  {
    // jest's global setup and teardown: CommonJS run by Node outside the TypeScript transform.
    files: ['test/support/*.js'],
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 2022, globals: { require: 'readonly', module: 'writable', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
