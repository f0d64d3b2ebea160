#!/usr/bin/env node
'use strict';
/**
 * List Inbox (100 conversations) vs n8n's own HTTP Request node making the same call
 * (POST /v2/messages, count 100, same credential), timed over repeated manual executions in
 * the same real n8n. Prints the medians and the ratio (issue 4's target: ≤ 1.10×).
 *
 *   node scripts/n8n/bench.js [--line 2|1] [--runs 40] [--assert]
 *
 * Timing is n8n's own `executionTime` (whole ms) of the node in each execution's run data (the node's
 * work, requests included), and the execution's wall time (startedAt → stoppedAt). Runs
 * alternate between the two workflows after 3 warm-up runs each. --assert exits 1 above 1.10×.
 * Then the LinkUp Trigger's latency and the credits a day of each trigger (bench-webhook.js).
 */
const TARGET = 1.1;

/** @param {number[]} xs */
function median(xs) {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/**
 * Mean without the lowest and highest 10 %: steadier than a median of whole milliseconds.
 * @param {number[]} xs
 */
function trimmedMean(xs) {
	const s = [...xs].sort((a, b) => a - b);
	const cut = Math.floor(s.length * 0.1);
	const kept = s.slice(cut, s.length - cut);
	return kept.reduce((a, b) => a + b, 0) / kept.length;
}
/** @type {(xs: number[], p: number) => number} the p-th percentile */
const pct = (xs, p) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/**
 * @param {{ line?: string, runs?: number, warmup?: number, log?: (message: string) => void }} [options]
 */
async function bench({
	line = '2',
	runs = 40,
	warmup = 3,
	log = (m) => process.stdout.write(`${m}\n`),
} = {}) {
	const {
		startStack,
		benchWorkflows,
		listInboxNode,
		nodeExecutionTime,
		executionError,
	} = require('.');
	log(`[bench] starting the sandbox and n8n line ${line} with the packed package…`);
	const stack = await startStack({ line, count: 150, install: true });
	try {
		const { n8n, credential, accountId, version } = stack;
		const wfs = benchWorkflows({ credential, accountId, baseUrl: stack.sandbox.url, count: 100 });
		// A third workflow: List Inbox with Simplify on (the default a user gets).
		const simplified = JSON.parse(JSON.stringify(wfs.listInbox));
		simplified.name = 'Bench: List Inbox (Simplify)';
		simplified.nodes[1] = listInboxNode({
			name: 'List Inbox',
			credential,
			accountId,
			limit: 100,
			simplify: true,
			position: [300, 0],
		});
		const cases = [
			{
				key: 'httpRequest',
				label: 'HTTP Request node',
				node: 'HTTP Request',
				wf: await n8n.createWorkflow(wfs.httpRequest),
				items: (n) => n,
			},
			{
				key: 'listInbox',
				label: 'List Inbox, Simplify off',
				node: 'List Inbox',
				wf: await n8n.createWorkflow(wfs.listInbox),
			},
			{
				key: 'listInboxSimplify',
				label: 'List Inbox, Simplify on',
				node: 'List Inbox',
				wf: await n8n.createWorkflow(simplified),
			},
		];
		/** @type {Record<string, { node: number[], wall: number[] }>} n8n's node time and the execution's, per run (ms) */
		const results = Object.fromEntries(cases.map((c) => [c.key, { node: [], wall: [] }]));
		/** @type {(c: (typeof cases)[number], record: boolean) => Promise<void>} */
		const once = async (c, record) => {
			const e = await n8n.runManually(c.wf.id, { trigger: 'Manual Trigger' });
			const err = executionError(e);
			if (err) throw new Error(`${c.label}: execution failed: ${err.message}`);
			const items = e.data.resultData.runData[c.node][0].data.main[0];
			const count =
				c.key === 'httpRequest' ? items[0].json.data.conversations.length : items.length;
			if (count !== 100) throw new Error(`${c.label}: expected 100 conversations, got ${count}`);
			if (record) {
				const nodeMs = nodeExecutionTime(e, c.node);
				if (nodeMs === undefined)
					throw new Error(`${c.label}: the run data of ${c.node} has no executionTime`);
				results[c.key].node.push(nodeMs);
				results[c.key].wall.push(new Date(e.stoppedAt).getTime() - new Date(e.startedAt).getTime());
			}
		};
		log(`[bench] n8n ${version}: ${warmup} warm-up + ${runs} timed runs per workflow, alternating`);
		for (let i = 0; i < warmup; i++) for (const c of cases) await once(c, false);
		for (let i = 0; i < runs; i++) for (const c of cases) await once(c, true);
		const rows = cases.map((c) => ({
			label: c.label,
			nodeMedian: median(results[c.key].node),
			nodeMean: trimmedMean(results[c.key].node),
			nodeP90: pct(results[c.key].node, 90),
			wallMedian: median(results[c.key].wall),
		}));
		const http = rows[0];
		log('');
		log(`n8n ${version} (line ${line}), 100 conversations per run, ${runs} runs each (ms):`);
		log(
			'  workflow                     node mean*  node median   node p90   execution median   ratio (node mean*)',
		);
		for (const r of rows) {
			log(
				`  ${r.label.padEnd(28)} ${r.nodeMean.toFixed(1).padStart(10)} ${String(r.nodeMedian).padStart(12)} ${String(r.nodeP90).padStart(10)} ${String(r.wallMedian).padStart(18)}   ${(r.nodeMean / http.nodeMean).toFixed(2)}×`,
			);
		}
		log('  * mean without the fastest and slowest 10 % of runs (n8n measures whole milliseconds)');
		const ratio = rows[1].nodeMean / http.nodeMean;
		const ratioSimplify = rows[2].nodeMean / http.nodeMean;
		log('');
		log(
			`ratio List Inbox / HTTP Request: ${ratio.toFixed(2)}× (Simplify on: ${ratioSimplify.toFixed(2)}×; target ≤ ${TARGET.toFixed(2)}×)`,
		);
		const webhook = await require('./bench-webhook').webhookBench(stack, { log });
		return { version, rows, ratio, ratioSimplify, webhook };
	} finally {
		await stack.stop();
	}
}

module.exports = { bench, TARGET };

if (require.main === module) {
	const argv = process.argv.slice(2);
	const arg = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
	bench({ line: arg('--line', '2'), runs: Number(arg('--runs', '40')) })
		.then((r) => {
			if (argv.includes('--assert') && r.ratio > TARGET) {
				process.stderr.write(
					`[bench] ratio ${r.ratio.toFixed(2)}× is above the target ${TARGET}×\n`,
				);
				process.exit(1);
			}
		})
		.catch((err) => {
			process.stderr.write(`[bench] FAILED: ${err.message}\n`);
			process.exit(1);
		});
}
