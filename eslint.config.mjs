// Reproduces, offline, the ESLint pass of n8n's verification scan (`@n8n/scan-community-package`).
//
// Source of truth: n8n-io/n8n, packages/@n8n/scan-community-package/scanner/scanner.mjs
// (`buildScanConfig()` and `SOURCE_FILE_PATTERNS`, commit 1515a22c7a59334a5a7185182772e23da8644bc2).
// `scanConfig` below is that function's config, rule for rule, including its `off` overrides.
// The scan lints twice with it, both times with `allowInlineConfig: false`:
//   1. the provenance-attested source checkout: `package.json`, `{nodes,credentials}/**/*.{js,ts,json}`
//      -> `npm run lint` (this file);
//   2. the packed tarball: `**/*.js` and `package.json`
//      -> `npm run lint:dist` (eslint.dist.config.mjs, after `npm run build`).
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import { defineConfig, globalIgnores } from 'eslint/config';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What the scan lints in the source checkout (scanner.mjs `SOURCE_FILE_PATTERNS`). */
export const SOURCE_FILE_PATTERNS = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];

/** scanner.mjs `buildScanConfig()`, verbatim. */
export const scanConfig = [
	n8nCommunityNodesPlugin.configs.recommended,
	{
		rules: { 'no-console': 'error' },
	},
	{ plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
	{
		files: ['package.json'],
		rules: { ...n8nNodesPlugin.configs.community.rules },
	},
	{
		files: ['**/credentials/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.credentials.rules,
			// Not valid for community nodes
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// @n8n/eslint-plugin-community-nodes credential-password-field rule is more accurate
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['**/nodes/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.nodes.rules,
			// Inputs and outputs can be enum instead of string "main"
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// Sometimes the 3rd party API does have a maximum limit, so maxValue is valid
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	// package.json is parsed by the TypeScript parser: a top-level JSON object literal becomes
	// the `ObjectExpression` the package.json rules walk. No JSON-specific parser is involved.
	{
		files: ['**/*.json'],
		languageOptions: { parser: tsParser },
	},
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser },
	},
];

/**
 * The scan runs ESLint with `allowInlineConfig: false`: `eslint-disable` comments do nothing
 * there. Same here: ESLint ignores them and reports each one as a warning, which
 * `--max-warnings 0` in the lint scripts turns into a failure, so none can creep in.
 */
export const scanLinterOptions = {
	linterOptions: { noInlineConfig: true },
};

/** Everything the scan does not look at but we lint too: tests, scripts, tooling. */
const REPO_ONLY = ['test/**', 'scripts/**', '*.js', '*.mjs'];

export default defineConfig(
	globalIgnores([
		'node_modules',
		'dist',
		'build',
		'coverage',
		'docs',
		'examples',
		'**/package-lock.json',
	]),
	scanLinterOptions,
	// The scan's rules on the scan's source scope only (SOURCE_FILE_PATTERNS): package.json,
	// nodes/ and credentials/ (its `**/nodes/**` patterns would otherwise reach test/nodes/).
	...scanConfig.map((config) => ({
		...config,
		files: config.files ?? SOURCE_FILE_PATTERNS,
		ignores: [...(config.ignores ?? []), ...REPO_ONLY],
	})),
	// Tests, scripts and tooling: ESLint's and typescript-eslint's recommended rules.
	{
		files: REPO_ONLY,
		rules: {
			'no-empty': ['error', { allowEmptyCatch: true }],
			'no-unused-vars': [
				'error',
				{ ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
		},
	},
	{
		files: ['test/**/*.ts'],
		extends: [tseslint.configs.recommended],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: {
			'no-unused-vars': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
		},
	},
	{
		files: ['test/**/*.js', 'scripts/**/*.js', '*.js'],
		extends: [js.configs.recommended],
		languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.jest } },
	},
	{
		files: ['*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: { sourceType: 'module', globals: globals.node },
	},
);
