/**
 * `npm run bench`: what the trigger costs in requests and LinkUp credits, per scenario,
 * against the floor (ceil(k/10) credits to read k new conversations; a poll costs at least 1),
 * and what a user would pay with the two usual do-it-yourself alternatives. Prints figures only.
 */
import '../setup-env';
import { SANDBOX_ACCOUNT_ID, realisticInbox, startSandbox, type Sandbox } from '../sandbox';
import { triggerPoller } from '../nodes/LinkUpMessagingTrigger/triggerHarness';

const A = SANDBOX_ACCOUNT_ID;
const BURSTS = [0, 1, 9, 10, 11, 25, 100, 1000];

interface Row {
	scenario: string;
	polls: number;
	requests: number;
	credits: number;
	floor: number;
	emitted: number | string;
	missed: number;
}

async function triggerRow(sandbox: Sandbox, burst: number, expiringCursors = false): Promise<Row> {
	sandbox.reset();
	const trigger = triggerPoller(sandbox);
	await trigger.poll();
	for (let i = 0; i < burst; i += 1) sandbox.inbox.newConversation(A, { text: `burst ${i}` });
	sandbox.clearRequests();
	const credits = sandbox.creditsConsumed;
	let emitted = 0;
	let polls = 0;
	do {
		polls += 1;
		if (expiringCursors) sandbox.expireCursors();
		const items = await trigger.pollItems();
		emitted += items.length;
		if (items.length === 0) break;
	} while (polls < 50);
	return {
		scenario:
			burst === 0
				? 'trigger: quiet poll'
				: `trigger: burst of ${burst}${expiringCursors ? ', cursors expire between polls' : ''}`,
		polls: burst === 0 ? 1 : polls - 1,
		requests: sandbox.requests.length - (burst === 0 ? 0 : 1),
		credits: sandbox.creditsConsumed - credits - (burst === 0 ? 0 : 1),
		floor: Math.max(1, Math.ceil(burst / 10)),
		emitted,
		missed: burst - emitted,
	};
}

/** One request of `count` conversations per poll, as a Schedule + HTTP Request workflow does. */
async function fixedPageRow(
	sandbox: Sandbox,
	label: string,
	count: number,
	burst: number,
): Promise<Row> {
	sandbox.reset();
	for (let i = 0; i < burst; i += 1) sandbox.inbox.newConversation(A, { text: `burst ${i}` });
	const credits = sandbox.creditsConsumed;
	const response = await fetch(`${sandbox.url}/v2/messages`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-api-key': sandbox.apiKey },
		body: JSON.stringify({
			account_id: A,
			action: 'list_inbox',
			params: { count, category: 'UNREAD' },
		}),
	});
	await response.json();
	return {
		scenario: `${label}: burst of ${burst}`,
		polls: 1,
		requests: 1,
		credits: sandbox.creditsConsumed - credits,
		floor: Math.max(1, Math.ceil(burst / 10)),
		emitted: '-',
		missed: Math.max(0, burst - count),
	};
}

async function stateSizeAfter(sandbox: Sandbox, polls: number) {
	sandbox.reset();
	let saved = {};
	let largest = 0;
	let seed = 1;
	// One simulated minute per poll: message times spread as they would over ~7 days of polling.
	let clock = Math.max(...sandbox.inbox.all(A).map((c) => c.last_message.time));
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	for (let poll = 0; poll < polls; poll += 1) {
		const arrivals = random() < 0.7 ? 0 : Math.floor(random() * 4) + (random() < 0.01 ? 200 : 0);
		clock += 60_000;
		for (let i = 0; i < arrivals; i += 1)
			sandbox.inbox.newConversation(A, { text: `m ${poll}`, time: clock + i });
		if (random() < 0.3) {
			for (const c of sandbox.inbox
				.all(A)
				.filter((c) => c.unread > 0)
				.slice(0, 5))
				sandbox.inbox.markRead(A, c.conversation_id);
		}
		const trigger = triggerPoller(sandbox, {}, saved);
		await trigger.poll();
		saved = trigger.saved();
		largest = Math.max(largest, JSON.stringify(saved).length);
	}
	const state = (saved as Record<string, { linkUpInbox: { handled: object } }>)['node:LinkUp']
		.linkUpInbox;
	return {
		bytes: JSON.stringify(saved).length,
		largest,
		handledPairs: Object.keys(state.handled).length,
		conversations: sandbox.inbox.all(A).length,
	};
}

function table(rows: Row[]) {
	const head = [
		'scenario',
		'polls',
		'requests',
		'credits',
		'floor',
		'credits/floor',
		'emitted',
		'missed',
	];
	const lines = rows.map((r) =>
		[
			r.scenario,
			r.polls,
			r.requests,
			r.credits,
			r.floor,
			(r.credits / r.floor).toFixed(2),
			r.emitted,
			r.missed,
		].map(String),
	);
	const out = [head, ...lines];
	const widths = head.map((_, i) => Math.max(...out.map((l) => l[i].length)));
	const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join(
		'\n',
	);
}

async function main() {
	// A lived-in inbox (40 conversations, some unread) so pages and credits look like production.
	const sandbox = await startSandbox({ inbox: realisticInbox(3, 40) });
	try {
		const rows: Row[] = [];
		for (const burst of BURSTS) rows.push(await triggerRow(sandbox, burst));
		for (const burst of [600, 1000]) rows.push(await triggerRow(sandbox, burst, true));
		for (const burst of [0, 25, 100, 1000])
			rows.push(await fixedPageRow(sandbox, 'fixed page of 25', 25, burst));
		for (const burst of [0, 25, 100, 1000])
			rows.push(await fixedPageRow(sandbox, 'Schedule+HTTP+Remove Duplicates (100)', 100, burst));
		process.stdout.write(`${table(rows)}\n\n`);
		sandbox.reset();
		const unread = sandbox.inbox.all(A).filter((c) => c.unread > 0).length;
		const quiet = (prefix: string) =>
			rows.find((r) => r.scenario.startsWith(prefix) && /quiet|burst of 0$/.test(r.scenario))!
				.credits;
		const perPoll = [quiet('trigger'), quiet('fixed page'), quiet('Schedule')];
		process.stdout.write(
			`Quiet days, measured credits per poll ${perPoll.join(' | ')} with ${unread} unread conversations in the inbox:\n`,
		);
		process.stdout.write(
			'credits per day by poll interval (trigger | fixed page of 25 | Schedule+HTTP 100):\n',
		);
		for (const minutes of [1, 5, 15, 60]) {
			const polls = (24 * 60) / minutes;
			process.stdout.write(
				`  every ${String(minutes).padStart(2)} min: ${perPoll.map((c) => c * polls).join(' | ')}\n`,
			);
		}
		const polls = Number(process.env.BENCH_STATE_POLLS ?? 10_000);
		const started = Date.now();
		const size = await stateSizeAfter(sandbox, polls);
		process.stdout.write(
			`\nStored state after ${polls} polls (${size.conversations} conversations in the inbox): ${size.bytes} bytes, ${size.handledPairs} pairs in handled; largest at any poll ${size.largest} bytes (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
		);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	process.stderr.write(`${error?.stack ?? error}\n`);
	process.exit(1);
});
