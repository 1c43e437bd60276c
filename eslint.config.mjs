import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import patterns each layer may not use: these keep the architecture's layers apart. */
const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'net', 'worker_threads'];
const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.sportello-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.{ts,tsx}'],
    rules: layer(
      ['electron', 'react', 'react-dom', '**/src-main/**', '**/src-renderer/**', ...nodeBuiltins],
      'src-shared is pure TypeScript: no Node, Electron, DOM framework or other layer imports.',
    ),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer(['electron', '**/src-main/**', ...nodeBuiltins], 'The renderer never imports main-process code, Node or Electron.'),
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/hosts/electron/**'],
    rules: layer(['electron', 'electron/*', '**/src-renderer/**'], 'The core and non-Electron hosts never import electron or the renderer.'),
  },
  {
    files: ['src-main/hosts/electron/**/*.ts'],
    rules: layer(['**/src-renderer/**'], 'The Electron host never imports the renderer.'),
  },
  {
    files: ['src-main/hosts/electron/preload.ts'],
    rules: layer(
      ['**/src-main/**', ...nodeBuiltins],
      'The sandboxed preload may import only electron and type-only/constant modules from src-shared.',
    ),
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
