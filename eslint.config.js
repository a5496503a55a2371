// ESLint flat config: type-aware rules (recommendedTypeChecked), no floating promises, zero warnings in CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.stryker-tmp/**',
      'reports/**',
      'actions/*/lib/**',
      'coverage/**',
      'bench/out/**',
      'examples/**',
      '.secure-factory/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The output chokepoint (issue 20): stage and action code never writes to the console, the process
    // streams or @actions/core directly; every line goes through packages/core/src/output.ts (CLI,
    // loggers) or packages/action-runtime/src/run.ts (annotations, outputs, summaries), which neutralise
    // workflow commands and control characters.
    files: ['packages/*/src/**/*.ts', 'actions/*/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='console']",
          message: 'Print through the output chokepoint (@secure-factory/core printErr/printOut/printJson or a Logger).',
        },
        {
          selector: "MemberExpression[object.name='process'][property.name=/^(stdout|stderr)$/]",
          message: 'Print through the output chokepoint (@secure-factory/core printErr/printOut/printJson or SafeLineWriter).',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@actions/core',
              message: 'Use @secure-factory/action-runtime (coreLogger, setOutput, annotate, writeSummary): it escapes untrusted text.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/core/src/output.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['packages/action-runtime/src/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
