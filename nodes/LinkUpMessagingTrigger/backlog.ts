import { uniqueConversations } from '../shared/pagination';
import type { LinkUpConversation } from '../shared/types';
import { isFresh, readOnWhileAllFresh, readOnWhileFresh } from './freshness';
import {
	MAX_BACKLOG,
	PASS_PAGE_SIZE,
	POLL_PAGE_SIZE,
	type Backlog,
	type PollState,
} from './pollState';

/** One walk of the UNREAD listing, newest activity first, and why it stopped. */
export interface Scan {
	pages: LinkUpConversation[][];
	/**
	 * 'ended': LinkUp listed everything; 'caughtUp': a page held nothing new; 'budget': cut short,
	 * goes on at `next` (undefined: nothing was read); 'refused': LinkUp refused the cursor to go on.
	 */
	end: 'ended' | 'caughtUp' | 'budget' | 'refused';
	next?: string;
}

/** What became of one stored backlog during this poll. */
export interface BacklogScan {
	backlog: Backlog;
	/** Its walk; undefined when the budget was spent before it. */
	scan?: Scan;
	/** LinkUp refused its stored cursor: `scan`, if any, listed again from the top instead. */
	refused?: boolean;
}

export interface PollListing {
	top: Scan;
	/** One per stored backlog, in the stored order. */
	backlog: BacklogScan[];
}

/**
 * Each conversation once, where a walk first listed it. LinkUp may serve a page twice (a cursor
 * that leads back to page 1): counted twice, it would pass over conversations never listed.
 */
export const listedIn = (scan: Scan | undefined) => uniqueConversations(scan?.pages.flat() ?? []);

/** Handled conversations to pass over before the rest of the burst: after the cursor, or from the top. */
const toPass = (backlog: Backlog, fromTop: boolean) =>
	fromTop ? backlog.depth + backlog.skip : backlog.skip;

/**
 * How to walk a backlog. From its cursor: pages of 10 while they are all new. Passing over
 * handled conversations first (a refused cursor, listed again from the top): pages of 100
 * (re-read conversations cost the same credits, in fewer requests) until past them, then on
 * while pages hold something new, as from the top.
 */
export function backlogWalk(state: PollState, now: number, backlog: Backlog, fromTop: boolean) {
	const pass = toPass(backlog, fromTop);
	if (!fromTop && pass === 0)
		return { count: () => POLL_PAGE_SIZE, readOn: readOnWhileAllFresh(state, now) };
	const passed = (listed: LinkUpConversation[]) =>
		uniqueConversations(listed).filter((c) => !isFresh(c, state, now)).length;
	const whileFresh = readOnWhileFresh(state, now);
	return {
		count: () => PASS_PAGE_SIZE,
		// At exactly `pass` passed, the page after it is still unseen.
		readOn: (page: LinkUpConversation[], listed: LinkUpConversation[]) =>
			passed(listed) <= pass || whileFresh(page),
	};
}

/** Where the rest of every burst still waits after this poll: new cut-short listings first, drained ones gone. */
export function nextBacklog(listing: PollListing, state: PollState, now: number): Backlog[] {
	const isNew = (c: LinkUpConversation) => isFresh(c, state, now);
	const cutShort = (scan: Scan) =>
		(scan.end === 'budget' && scan.next !== undefined) || scan.end === 'refused';
	const backlog: Backlog[] = [];
	const { top } = listing;
	if (cutShort(top)) {
		const depth = listedIn(top).length;
		backlog.push(
			top.end === 'refused'
				? { cursor: null, depth, skip: 0 }
				: { cursor: top.next!, depth, skip: 0 },
		);
	}
	// New conversations push everything below them down: those on top push every backlog, and
	// the rest of a newer burst, listed from its backlog, pushes the older backlogs below it.
	let pushed = listedIn(top).filter(isNew).length;
	for (const { backlog: stored, scan, refused = false } of listing.backlog) {
		const listed = listedIn(scan);
		const above = pushed;
		pushed += listed.filter(isNew).length;
		if (!scan || (scan.end === 'budget' && scan.next === undefined)) {
			const pushedDown = { ...stored, depth: stored.depth + above };
			backlog.push(
				refused ? { cursor: null, depth: toPass(pushedDown, true), skip: 0 } : pushedDown,
			);
			continue;
		}
		if (!cutShort(scan)) continue;
		const depth = (refused ? 0 : stored.depth + above) + listed.length;
		const skip = Math.max(0, toPass(stored, refused) - listed.filter((c) => !isNew(c)).length);
		backlog.push(
			scan.end === 'refused'
				? { cursor: null, depth: depth + skip, skip: 0 }
				: { cursor: scan.next!, depth, skip },
		);
	}
	while (backlog.length > MAX_BACKLOG) {
		// The two oldest become one: listing again from the top passes over everything above both.
		const older = backlog.pop()!;
		const newer = backlog.pop()!;
		backlog.push({
			cursor: null,
			depth: Math.max(toPass(older, true), toPass(newer, true)),
			skip: 0,
		});
	}
	return backlog;
}
