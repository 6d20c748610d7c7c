import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// Import boundaries: shared <- server, shared <- client; never server <-> client.
const noDeepShared = {
  group: ['@qalam/shared/*/*'],
  message: "Import a shared capability through its index: '@qalam/shared/<capability>'.",
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'client/dist/**',
      'server/dist/**',
      'data/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    // Tests beside shared modules may read fixtures from disk.
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/client/**', '@qalam/server*', '@qalam/client*'],
              message: 'shared/ depends on nothing of ours.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'http', 'crypto', 'child_process'],
              message: 'shared/ is pure TypeScript: no Node APIs.',
            },
            {
              group: ['react', 'react-dom', 'lexical', '@lexical/*'],
              message: 'shared/ has no UI dependencies.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/client/**', '@qalam/client*'],
              message: 'The server never imports the client.',
            },
            {
              group: ['**/shared/**', '!@qalam/shared/*'],
              message: "Import shared code as '@qalam/shared/<capability>'.",
            },
            noDeepShared,
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '@qalam/server*'],
              message: 'The client never imports the server.',
            },
            {
              group: ['**/shared/**', '!@qalam/shared/*'],
              message: "Import shared code as '@qalam/shared/<capability>'.",
            },
            noDeepShared,
          ],
        },
      ],
    },
  },
)
