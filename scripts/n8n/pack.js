'use strict';
/**
 * Our package as a user gets it: `npm pack` of the built repo, laid out in an n8n user folder
 * exactly as n8n's Community Nodes installer (CommunityPackagesService.downloadPackage, same in
 * 1.123 and 2.41) does it:
 *   <userFolder>/.n8n/nodes/package.json                 {"name":"installed-nodes","private":true,"dependencies":{"<pkg>":"<version>"}}
 *   <userFolder>/.n8n/nodes/node_modules/<pkg>/          the tarball, extracted with --strip-components=1
 *   .../<pkg>/package.json                               without devDependencies, peerDependencies, optionalDependencies
 * then `npm install` inside the package folder with n8n's flags (only when it has dependencies:
 * ours has none, by the verification rules). n8n loads every `n8n-nodes-*` folder there at start.
 * (The UI installer also records the package in the database for Settings > Community nodes;
 * that listing is not needed for the nodes to load.)
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { REPO_ROOT, PACKAGE_NAME } = require('./config');

const PACK_DIR = path.join(REPO_ROOT, 'build', 'e2e');

function sh(cmd, args, opts = {}) {
	try {
		return execFileSync(cmd, args, {
			cwd: REPO_ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
			maxBuffer: 64 << 20,
			...opts,
		}).toString();
	} catch (err) {
		throw new Error(
			`${cmd} ${args.join(' ')} failed (exit ${err.status}):\n${err.stdout || ''}${err.stderr || ''}`,
		);
	}
}

/** `npm run build` (unless skipBuild or LINKUP_E2E_SKIP_BUILD=1), then `npm pack`; returns the tarball's path. */
function packPackage({ skipBuild = process.env.LINKUP_E2E_SKIP_BUILD === '1' } = {}) {
	if (!skipBuild) sh('npm', ['run', 'build', '--silent']);
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist')))
		throw new Error('dist/ is missing: run npm run build');
	fs.mkdirSync(PACK_DIR, { recursive: true });
	for (const f of fs.readdirSync(PACK_DIR))
		if (f.endsWith('.tgz')) fs.rmSync(path.join(PACK_DIR, f));
	const out = JSON.parse(
		sh('npm', ['pack', '--json', '--pack-destination', PACK_DIR, '--ignore-scripts']),
	);
	return path.join(PACK_DIR, out[0].filename);
}

const NPM_INSTALL_ARGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

/** Lays the tarball out in `<userFolder>/.n8n/nodes` as n8n's installer does; returns the package folder. */
function installIntoUserFolder(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(pkgDir, { recursive: true, force: true });
	fs.mkdirSync(pkgDir, { recursive: true });
	sh('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
	const pkgJsonPath = path.join(pkgDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
		fs.readFileSync(pkgJsonPath, 'utf8'),
	);
	fs.writeFileSync(pkgJsonPath, JSON.stringify(pkg, null, 2), 'utf8');
	if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0) {
		sh('npm', ['install', ...NPM_INSTALL_ARGS], { cwd: pkgDir });
	}
	const nodesPkgPath = path.join(nodesDir, 'package.json');
	let nodesPkg = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		nodesPkg = JSON.parse(fs.readFileSync(nodesPkgPath, 'utf8'));
	} catch {}
	nodesPkg.dependencies = { ...(nodesPkg.dependencies || {}), [PACKAGE_NAME]: pkg.version };
	fs.writeFileSync(nodesPkgPath, JSON.stringify(nodesPkg, null, 2), 'utf8');
	return pkgDir;
}

module.exports = { packPackage, installIntoUserFolder, PACK_DIR };
