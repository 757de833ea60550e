// Lint rules for the whole project: typescript-eslint's recommended set, plus the globals each kind of file really has.
import js from '@eslint/js';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'knowledge/build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // TypeScript itself reports undefined names, with the real types.
  { files: ['**/*.ts'], rules: { 'no-undef': 'off' } },
  // Pages' scripts run in the browser as plain scripts.
  {
    files: ['bot/**/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, AdaptiveCards: 'readonly', markdownit: 'readonly' } },
  },
  // The start-up guard runs before anything is compiled, as CommonJS.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: globals.node }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Chai's property assertions (`.to.be.empty`) are expressions by design, and tests read JSON bodies loosely.
  { files: ['tests/**/*.ts'], rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off' } },
  // No module may depend on itself through others: a cycle hides which layer owns what (issue 20).
  {
    files: ['bot/**/*.ts', 'dialogs/**/*.ts', 'knowledge/**/*.ts', 'manifest/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { ...importX.flatConfigs.typescript.settings, 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Imports point one way: app → dialogs → features → platform; knowledge and manifest stand alone (README, Layout).
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './bot/platform', from: ['./bot/features', './bot/app', './dialogs', './bot/webchat', './bot/dashboard', './bot/demo'] },
            { target: './bot/features', from: ['./bot/app', './dialogs', './bot/webchat', './bot/dashboard', './bot/demo'] },
            { target: './dialogs', from: ['./bot/app', './bot/webchat', './bot/dashboard', './bot/demo'] },
            // Web chat and the dashboard sit side by side, each behind its register function: what both need lives in bot/platform/http.
            { target: './bot/dashboard', from: ['./bot/webchat', './bot/demo'] },
            { target: './bot/webchat', from: ['./bot/dashboard', './bot/demo'] },
            { target: './knowledge', from: ['./bot', './dialogs', './manifest'] },
            { target: './manifest', from: ['./bot', './dialogs'] },
          ],
        },
      ],
    },
  },
  // A capability is changed in its feature folder: the app layer wires routes but declares none beyond its own endpoint,
  // health and metrics (server.ts), so a route file put back in bot/app (bot/app/routes) fails here (issue 20).
  {
    files: ['bot/app/**/*.ts'],
    ignores: ['bot/app/server.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(get|post|put|patch|del|head|opts)$/][arguments.0.type='Literal'][arguments.0.value=/^\\//]",
          message: "Declare HTTP routes in the feature's folder (bot/features/<name>/<name>Routes.ts) and register them from bot/app/featureRoutes.ts.",
        },
      ],
    },
  },
  // Features and the delivery engine deal in plain types; only the Bot Framework edges below may import its SDK (issue 20).
  {
    files: ['bot/features/**/*.ts', 'bot/platform/delivery/**/*.ts'],
    ignores: [
      // The sender: the one place an outgoing message becomes an activity on the wire.
      'bot/platform/delivery/connectorSender.ts',
      // The sender's bearer tokens, from the bot's Bot Framework credentials.
      'bot/platform/delivery/connectorTokens.ts',
      // Reads the incoming activity of a turn to keep its conversation for proactive sends.
      'bot/platform/delivery/conversationRecord.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder/*', 'botbuilder-*', 'botframework-*'],
              message: 'Use plain types here (OutgoingMessage); only the sender turns a message into a Bot Framework activity.',
            },
          ],
        },
      ],
    },
  },
  // The composition root hands services to each other: a method passed without its object loses `this` (the wasSentTo bug), so
  // it is checked with types here.
  {
    files: ['bot/app/services.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/unbound-method': 'error' },
  },
  // Kysely's migrations are written against an untyped database on purpose: they must not change when today's schema does.
  { files: ['bot/**/migrations/*.ts', 'tests/**/migrations/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
