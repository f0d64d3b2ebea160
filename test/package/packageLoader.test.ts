import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';

const root = resolve(__dirname, '../..');

/** Loads the built package exactly as n8n does at start-up; `npm test` builds dist first. */
describe('dist as n8n loads it', () => {
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		if (!existsSync(join(root, 'dist/nodes/LinkUpMessaging/LinkUpMessaging.node.js'))) {
			throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
		}
		loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
	});

	it('finds the three nodes and the credential under their public names', () => {
		expect(loader.packageName).toBe('n8n-nodes-linkup-messaging');
		expect(Object.keys(loader.nodeTypes).sort()).toEqual([
			'linkUpMessaging',
			'linkUpMessagingTrigger',
			'linkUpTrigger',
		]);
		expect(Object.keys(loader.credentialTypes)).toEqual(['linkUpLinkedInApi']);
		expect(loader.types.credentials.map((c) => c.displayName)).toEqual(['LinkUp API']);
	});

	it('ships every icon it names, light and dark differing', () => {
		const described = [
			...loader.types.nodes.map((n) => n.iconUrl),
			...loader.types.credentials.map((c) => c.iconUrl),
		];
		const files = new Set<string>();
		for (const iconUrl of described) {
			expect(iconUrl).toEqual({ light: expect.any(String), dark: expect.any(String) });
			const { light, dark } = iconUrl as { light: string; dark: string };
			for (const url of [light, dark]) {
				const file = join(root, url.replace(/^icons\/n8n-nodes-linkup-messaging\//, ''));
				expect(existsSync(file)).toBe(true);
				files.add(file);
			}
			expect(
				readFileSync(join(root, light.replace(/^icons\/[^/]+\//, ''))).equals(
					readFileSync(join(root, dark.replace(/^icons\/[^/]+\//, ''))),
				),
			).toBe(false);
		}
		expect(files.size).toBe(2);
	});

	it('marks the action node usable as an AI tool and the triggers not', () => {
		const byName = Object.fromEntries(loader.types.nodes.map((n) => [n.name, n]));
		expect(byName.linkUpMessaging.usableAsTool).toBe(true);
		expect(byName.linkUpMessagingTrigger.usableAsTool).toBeUndefined();
		expect(byName.linkUpMessagingTrigger.polling).toBe(true);
		expect(byName.linkUpTrigger.usableAsTool).toBeUndefined();
		expect(byName.linkUpTrigger.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		]);
	});

	it('exposes the same classes through index.js, the package main', async () => {
		// index.js is CommonJS: import() wraps its exports in a namespace, module.exports as `default`.
		const { default: main } = (await import(join(root, 'index.js'))) as {
			default: Record<string, new () => { name: string }>;
		};
		expect(Object.keys(main).sort()).toEqual([
			'LinkUpLinkedInApi',
			'LinkUpMessaging',
			'LinkUpMessagingTrigger',
			'LinkUpTrigger',
		]);
		expect(new main.LinkUpLinkedInApi().name).toBe('linkUpLinkedInApi');
	});
});
