// One lint configuration for the whole tree: TypeScript, Lit templates and custom-element rules.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'server/node_modules/', 'storybook-static/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // An element's host object for its private parts closes over `element`, so its getters read the element's private fields.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['element'] }],
    },
  },
  {
    // Tests poke at payloads of the wrong shape on purpose, and chai asserts with expressions (`.to.be.true`).
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/elements/**/*.ts', 'bench/queue/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
);
