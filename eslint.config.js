import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

// The walls between rooms (docs/architecture.md). Outside src/sandbox only its entry, `@sandbox`, may be
// imported; product code under src/ never imports test support or e2e.
const sandboxInsides = {
  regex: '(^|/)sandbox(/|$)',
  message: 'The sandbox is its own unit: import its entry `@sandbox`, not its insides.',
}
const testCode = {
  regex: '(^|/)(test|e2e)(/|$)',
  message: 'Product code must not import test support (test/) or e2e/.',
}
const electron = {
  name: 'electron',
  message: 'Only the desktop shell (src/main/shell, src/main/index.ts) and transport/ipc.ts import electron.',
}
const walls = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })
const backendWalls = {
  'no-restricted-imports': ['error', { patterns: [sandboxInsides, testCode], paths: [electron] }],
}
const tests = ['**/*.test.ts', '**/*.test.tsx']

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/sandbox/**', ...tests],
    rules: walls(sandboxInsides, testCode),
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/shell/**', 'src/main/index.ts', 'src/main/transport/ipc.ts', ...tests],
    rules: backendWalls,
  },
  { files: ['src/sandbox/**/*.{ts,tsx}'], ignores: tests, rules: walls(testCode) },
  {
    files: ['**/*.{ts,tsx,mjs}'],
    ignores: ['src/sandbox/**', 'src/**/*.{ts,tsx}', 'node_modules/**'],
    rules: walls(sandboxInsides),
  },
  { files: tests, ignores: ['src/sandbox/**'], rules: walls(sandboxInsides) },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
)
