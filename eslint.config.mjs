// Lint rules that protect what tests cannot easily see: workflow determinism and forgotten promises.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'dns', 'timers', 'worker_threads', 'process', 'stream', 'util', 'events'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'apps/web/dist/**', '.tools/**', '.data/**', 'test-artifacts/**', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // The web app: the rules of hooks (a missed dependency is a stale screen).
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox and is replayed: nothing Node-only, no I/O libraries.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/bundle.ts', 'workflows/src/testing/**', 'workflows/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'Workflow code must not use Node built-ins.' })),
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'nodemailer', '@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@app/persistence', '@app/config', '@app/plan-files', '@app/documents', '@app/notifications'], message: 'Workflow code imports only @temporalio/workflow, @app/contracts and the pure @app/domain.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' }, { name: 'setInterval', message: 'Use sleep() in a loop.' }],
    },
  },
);
