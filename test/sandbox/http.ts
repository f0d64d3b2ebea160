/** HTTP plumbing of the sandbox: reading a request, writing a reply now or late. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './envelope';

export function send(res: ServerResponse, reply: Reply): void {
	const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
	res.writeHead(reply.status, {
		'content-type': reply.contentType ?? 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		...reply.headers,
	});
	res.end(text);
}

/** The body as parsed JSON; the raw string when it is not JSON; undefined when empty. */
export function parseBody(raw: string): { body: unknown; invalidJson: boolean } {
	if (raw === '') return { body: undefined, invalidJson: false };
	try {
		return { body: JSON.parse(raw), invalidJson: false };
	} catch {
		return { body: raw, invalidJson: true };
	}
}

/** Request headers with lower-cased names, repeated ones joined by ', '. */
export function headersOf(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(req.headers)) {
		if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
	}
	return headers;
}

/** Replies sent after a delay (sandbox latency); clear() drops the waiting ones (close()). */
export class LateReplies {
	private timers = new Set<NodeJS.Timeout>();

	send(res: ServerResponse, reply: Reply, delayMs: number): void {
		if (delayMs <= 0) {
			send(res, reply);
			return;
		}
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			if (!res.destroyed) send(res, reply);
		}, delayMs);
		this.timers.add(timer);
	}

	clear(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
	}
}
