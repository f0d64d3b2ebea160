'use strict';
/**
 * Issue 11: our package in n8n 2.x queue mode (scripts/n8n/queue.js): Postgres + Redis, one
 * main, two workers, one webhook processor. Tests run in order on one stack: List Inbox on the
 * workers, the polling trigger (queueTrigger.js), the webhook trigger (queueWebhook.js), load
 * (queueLoad.js), a worker killed mid-run (queueKill.js).
 */
const {
	startQueueStack,
	listInboxWorkflow,
	nodeItems,
	executionError,
	TYPES,
	CREDENTIAL_TYPE,
} = require('../../scripts/n8n');
const { packedTarball, expectedItems, LIST_INBOX_VARIANTS } = require('./helpers');

const CONVERSATIONS = 130; // > one Return All page (100), as in the single-process line

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
/** @param {string} text n8n's log without its colours */
const plain = (text) => text.replace(ANSI, '');

/**
 * Which processes ran an execution: those whose log says "Worker started execution <id> (job …)",
 * plus "main" when main's log shows it running it itself ("… was assigned id <id>", debug level).
 * @param {any} ctx
 * @param {string | number} id
 * @returns {string[]}
 */
function ranOn(ctx, id) {
	const started = new RegExp(`Worker started execution ${id} \\(job `);
	const onMain = new RegExp(`was assigned id ${id}\\b`);
	const names = ctx.stack.processes
		.filter((p) => started.test(plain(p.log())))
		.map((/** @type {any} */ p) => p.name);
	if (onMain.test(plain(ctx.stack.main.log()))) names.push('main');
	return names;
}

/** @param {any} ctx @param {string | number} id whether main enqueued it ("Enqueued execution <id> (job …)") */
const enqueuedByMain = (ctx, id) =>
	new RegExp(`Enqueued execution ${id} \\(job `).test(plain(ctx.stack.main.log()));

module.exports = function defineQueueSuite() {
	const ctx = {
		ranOn: (id) => ranOn(ctx, id),
		enqueuedByMain: (id) => enqueuedByMain(ctx, id),
		plain,
	};

	describe('n8n 2.x in queue mode (main + 2 workers + webhook processor, Postgres, Redis)', () => {
		beforeAll(async () => {
			const t = Date.now();
			ctx.stack = await startQueueStack({ tarball: packedTarball(), count: CONVERSATIONS });
			ctx.n8n = ctx.stack.n8n;
			ctx.sandbox = ctx.stack.sandbox.client;
			ctx.credential = ctx.stack.credential;
			ctx.accountId = ctx.stack.accountId;
			const { postgres, redis } = ctx.stack.services;
			process.stdout.write(
				`[e2e queue] n8n ${ctx.stack.version} queue mode up in ${Math.round((Date.now() - t) / 1000)}s ` +
					`(Postgres ${postgres.version} :${postgres.port}, Redis ${redis.version} :${redis.port}; ` +
					`${Object.entries(ctx.stack.startMs)
						.map(([k, v]) => `${k} ${Math.round(v / 1000)}s`)
						.join(', ')}; logs go to build/e2e/logs/n8n-queue-*.log)\n`,
			);
		}, 400000);

		afterAll(async () => {
			if (ctx.stack) await ctx.stack.stop();
		}, 120000);

		test('every process is up in queue mode on Postgres with our package loaded', async () => {
			const names = (await ctx.n8n.nodeTypes()).map((n) => n.name);
			expect(names).toEqual(
				expect.arrayContaining([TYPES.action, TYPES.trigger, TYPES.webhookTrigger]),
			);
			expect((await ctx.n8n.credentialTypes()).map((c) => c.name)).toContain(CREDENTIAL_TYPE);
			for (const p of ctx.stack.processes) {
				expect([p.name, await p.ready()]).toEqual([p.name, true]);
				const log = plain(p.log());
				expect(log).not.toMatch(/Not available in tests|Failed to load.*linkup/i);
			}
			// n8n's own tables are in our Postgres (not a SQLite file in a user folder).
			const pg = ctx.stack.services.postgres;
			expect(Number(pg.sql('select count(*) from credentials_entity'))).toBe(1);
			expect(plain(ctx.stack.workers[0].log())).toMatch(/n8n worker/i);
			expect(plain(ctx.stack.webhook.log())).toMatch(/Webhook listener waiting for requests/);
		});

		describe('List Inbox runs on the workers, with the single-process line’s results', () => {
			const variants = LIST_INBOX_VARIANTS;

			beforeAll(async () => {
				const wf = await ctx.n8n.createWorkflow(
					listInboxWorkflow({ credential: ctx.credential, accountId: ctx.accountId, variants }),
				);
				ctx.conversations = await ctx.sandbox.conversations();
				ctx.listRuns = [];
				// Three runs: each is one job; they may land on either worker, never on main.
				for (let i = 0; i < 3; i++)
					ctx.listRuns.push(await ctx.n8n.runManually(wf.id, { trigger: 'Manual Trigger' }));
			});

			test('each run succeeds on exactly one worker, never on main', () => {
				for (const e of ctx.listRuns) {
					expect(executionError(e)).toBeUndefined();
					expect(e.status).toBe('success');
					expect(ctx.enqueuedByMain(e.id)).toBe(true);
					const where = ctx.ranOn(e.id);
					expect(where).toHaveLength(1);
					expect(where[0]).toMatch(/^worker\d$/);
				}
			});

			test.each(variants.map((v) => [v.name, v]))(
				'%s: items equal what the sandbox holds, in every run',
				(name, v) => {
					const expected = expectedItems(ctx.conversations, {
						category: v.category,
						limit: v.returnAll ? undefined : v.limit,
						simplify: v.simplify,
					});
					expect(expected.length).toBeGreaterThan(0);
					for (const e of ctx.listRuns) expect(nodeItems(e, name)).toEqual(expected);
				},
			);
		});

		require('./queueTrigger')(ctx);
		require('./queueWebhook')(ctx);
		require('./queueLoad')(ctx);
		require('./queueKill')(ctx);
	});

	return ctx;
};
