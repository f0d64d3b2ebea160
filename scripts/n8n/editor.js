'use strict';
/**
 * n8n's editor in Debian's headless Chromium (never a downloaded browser), driven by
 * playwright-core: sign in, open a workflow, open a node's panel (NDV), read it, screenshot it.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CHROMIUM = process.env.LINKUP_E2E_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

function requirePlaywright() {
	try {
		return require('playwright-core');
	} catch {
		throw new Error(
			'playwright-core is not installed: npm install (it is a devDependency), never `npx playwright install`',
		);
	}
}

/** Chromium with a fresh profile. Returns { context, page, close() }. */
async function launch({ viewport = { width: 1600, height: 1000 } } = {}) {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(
			`${CHROMIUM} is missing: apt-get install -y chromium fonts-liberation (as root)`,
		);
	}
	const { chromium } = requirePlaywright();
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'linkup-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport,
		deviceScaleFactor: 1,
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	const page = context.pages()[0] || (await context.newPage());
	page.setDefaultTimeout(30000);
	return {
		context,
		page,
		async close() {
			await context.close().catch(() => {});
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

/** Signs in through the editor's form at /signin. */
async function signIn(page, n8n) {
	await page.goto(`${n8n.url}/signin`);
	await page.locator('input[name=emailOrLdapLoginId]').fill(n8n.owner.email);
	await page.locator('input[name=password]').fill(n8n.owner.password);
	await page.locator('input[name=password]').press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
}

/** Closes whatever modal or toast the editor opens on first visit. */
async function dismissPopups(page) {
	for (let i = 0; i < 3; i++) {
		const close = page.locator(
			'.el-dialog__headerbtn:visible, [data-test-id="close-button"]:visible, .el-notification__closeBtn:visible',
		);
		if ((await close.count()) === 0) break;
		await close
			.first()
			.click({ timeout: 2000 })
			.catch(() => {});
		await page.waitForTimeout(200);
	}
}

const nodeSelector = (name) => `[data-test-id="canvas-node"][data-node-name="${name}"]`;

/** Opens /workflow/<id> and waits for the canvas to show the given nodes. */
async function openWorkflow(page, n8n, workflowId, nodeNames = []) {
	await page.goto(`${n8n.url}/workflow/${workflowId}`);
	for (const name of nodeNames)
		await page.locator(nodeSelector(name)).waitFor({ state: 'visible' });
	await page.waitForLoadState('networkidle').catch(() => {});
	await dismissPopups(page);
}

/** Whether every <img> inside `locator` loaded (complete with a non-zero natural width). */
async function imagesLoaded(locator) {
	return await locator.evaluate((el) => {
		const imgs = [...el.querySelectorAll('img')];
		return {
			count: imgs.length,
			loaded: imgs.filter((i) => i.complete && i.naturalWidth > 0).length,
			srcs: imgs.map((i) => i.getAttribute('src')),
		};
	});
}

/** The panel's visible text plus the values shown in its inputs (selects render as inputs). */
async function panelText(ndv) {
	const text = await ndv.innerText();
	const values = await ndv.evaluate((el) =>
		[...el.querySelectorAll('input')].map((i) => i.value).filter(Boolean),
	);
	return `${text}\n${values.join('\n')}`;
}

/**
 * Double-clicks a node, waits for its panel (NDV) and returns { text, icon, ndv } — the panel's
 * visible text, what its images did, and the panel locator (for a screenshot).
 */
async function openNodePanel(page, nodeName) {
	const node = page.locator(nodeSelector(nodeName));
	await node.dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor({ state: 'visible' });
	await page
		.locator(
			'[data-test-id="ndv"] [data-test-id="node-parameters"], [data-test-id="ndv"] .node-parameters-wrapper',
		)
		.first()
		.waitFor({ state: 'visible' })
		.catch(() => {});
	await page.waitForLoadState('networkidle').catch(() => {});
	await page.waitForTimeout(500);
	const canvasIcon = await imagesLoaded(node);
	const panelIcon = await imagesLoaded(ndv);
	const text = await panelText(ndv);
	return { ndv, text, canvasIcon, panelIcon };
}

async function closeNodePanel(page) {
	const back = page.locator('[data-test-id="back-to-canvas"]');
	if (await back.count())
		await back
			.first()
			.click()
			.catch(() => {});
	else await page.keyboard.press('Escape');
	await page
		.locator('[data-test-id="ndv"]')
		.waitFor({ state: 'hidden' })
		.catch(() => {});
}

/**
 * The editor tour for docs and tests: sign in, open the workflow, then for each node open its
 * panel, screenshot it to `<outDir>/<file>` and return what the panel showed.
 * nodes: [{ name, file, execute, view }] (execute: press the panel's run button first, to show
 * output; a later node's panel then shows the output of that run too. view: 'Schema' | 'Table' | 'JSON')
 */
async function capturePanels(n8n, workflowId, nodes, outDir) {
	fs.mkdirSync(outDir, { recursive: true });
	const browser = await launch();
	const results = {};
	try {
		const { page } = browser;
		await signIn(page, n8n);
		await openWorkflow(
			page,
			n8n,
			workflowId,
			nodes.map((n) => n.name),
		);
		await page.screenshot({ path: path.join(outDir, 'canvas.png') });
		for (const { name, file, execute, view } of nodes) {
			let panel = await openNodePanel(page, name);
			const outputPanel = panel.ndv.locator('[data-test-id="output-panel"]');
			const hasOutput = () =>
				outputPanel
					.getByText(/^\d+ items?$/)
					.first()
					.waitFor({ state: 'visible', timeout: 15000 })
					.then(
						() => true,
						() => false,
					);
			if (execute) {
				// "Execute step": the panel then shows real output from the sandbox. Pressed again
				// when nothing shows (the editor's push connection may not be up yet on first load).
				let ok = false;
				for (let attempt = 0; attempt < 3 && !ok; attempt++) {
					await page
						.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]')
						.first()
						.click();
					ok = await hasOutput();
				}
				if (!ok) {
					await page.screenshot({ path: path.join(outDir, `failed-${file}`) }).catch(() => {});
					throw new Error(
						`${name}: no output after pressing its run button (see ${path.join(outDir, `failed-${file}`)})`,
					);
				}
			}
			const output = execute || (await hasOutput());
			if (output) {
				if (view) {
					await outputPanel
						.locator('[data-test-id="ndv-run-data-display-mode"]')
						.getByText(view, { exact: true })
						.first()
						.click({ timeout: 3000 })
						.catch(() => {});
				}
				await page
					.locator('.el-notification__closeBtn:visible')
					.first()
					.click({ timeout: 2000 })
					.catch(() => {});
				await page.mouse.move(5, 5);
				await page.waitForTimeout(800);
				panel = { ...panel, text: await panelText(panel.ndv) };
			}
			const shot = path.join(outDir, file);
			await panel.ndv.screenshot({ path: shot });
			results[name] = {
				text: panel.text,
				canvasIcon: panel.canvasIcon,
				panelIcon: panel.panelIcon,
				screenshot: shot,
			};
			await closeNodePanel(page);
		}
	} finally {
		await browser.close();
	}
	return results;
}

module.exports = {
	launch,
	signIn,
	openWorkflow,
	openNodePanel,
	closeNodePanel,
	capturePanels,
	imagesLoaded,
	CHROMIUM,
};
