// The scan's second pass: the packed tarball's `**/*.js` and `package.json`, with the same
// config and inline config ignored (see eslint.config.mjs). The tarball holds package.json,
// index.js (`main`, always packed by npm) and dist/ (`files`); run `npm run build` first.
// dist/**/*.{d.ts,json} are not linted: the scan's tarball pass globs only `**/*.js`.
import { defineConfig, globalIgnores } from 'eslint/config';

import { scanConfig, scanLinterOptions } from './eslint.config.mjs';

export default defineConfig(
	globalIgnores(['*', '!package.json', '!index.js', '!dist', 'dist/**/*.ts', 'dist/**/*.json']),
	scanLinterOptions,
	...scanConfig,
);
