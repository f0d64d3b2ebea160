'use strict';
/**
 * n8n 2.x editor in headless Chromium: sign in, open a workflow with both nodes, run List Inbox
 * from its panel, screenshot each node's panel (build/e2e/screenshots/) and check what they show.
 * `node scripts/n8n/screenshots.js` refreshes the committed copies in docs/screenshots/.
 * LINKUP_E2E_SKIP_EDITOR=1 skips this part (a machine without Debian's chromium).
 */
const fs = require('node:fs');
const path = require('node:path');
const { bothNodesWorkflow, REPO_ROOT } = require('../../scripts/n8n');
const { capturePanels, PANELS } = require('../../scripts/n8n/screenshots');

module.exports = function editorTests(ctx) {
	const skip = process.env.LINKUP_E2E_SKIP_EDITOR === '1';
	(skip ? describe.skip : describe)('editor in headless Chromium', () => {
		const outDir = path.join(REPO_ROOT, 'build', 'e2e', 'screenshots');
		let shots;

		beforeAll(async () => {
			const wf = await ctx.n8n.createWorkflow(
				bothNodesWorkflow({ credential: ctx.credential, accountId: ctx.accountId }),
			);
			shots = await capturePanels(ctx.n8n, wf.id, PANELS, outDir);
		}, 240000);

		test('the List Inbox panel shows our parameters and real output', () => {
			const { text } = shots['LinkUp Messaging'];
			for (const label of [
				'Credential',
				'Operation',
				'List Inbox',
				'Account',
				'Ada Lovelace',
				'Category',
				'Unread',
				'Return All',
				'Limit',
				'Simplify',
			]) {
				expect([label, text.includes(label)]).toEqual([label, true]);
			}
			expect(text).toMatch(/\b10 items\b/);
		});

		test('the trigger panel shows Poll Times, our parameters and options, and its test event', () => {
			const { text } = shots['LinkUp Messaging Trigger'];
			for (const label of [
				'Credential',
				'Poll Times',
				'Account',
				'Simplify',
				'Options',
				'Emit Existing on First Poll',
				'Include Own Last Message',
				'Include Sponsored',
				'Fetch Test Event',
			]) {
				expect([label, text.includes(label)]).toEqual([label, true]);
			}
			expect(text).toMatch(/\b1 item\b/);
		});

		test('the node icon loaded on the canvas and in both panels', () => {
			for (const name of ['LinkUp Messaging', 'LinkUp Messaging Trigger']) {
				const { canvasIcon, panelIcon } = shots[name];
				expect(canvasIcon.count).toBeGreaterThan(0);
				expect(canvasIcon.loaded).toBe(canvasIcon.count);
				expect(canvasIcon.srcs.join(' ')).toContain('n8n-nodes-linkup-messaging');
				expect(panelIcon.loaded).toBe(panelIcon.count);
			}
		});

		test('PNG screenshots were written', () => {
			for (const { file } of PANELS) {
				const buf = fs.readFileSync(path.join(outDir, file));
				expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
				expect(buf.length).toBeGreaterThan(20000);
			}
		});
	});
};
