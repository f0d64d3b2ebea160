/** Helpers of the webhook tests: /v2 calls, control calls, and a local receiver on 127.0.0.1. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Sandbox } from './server';

export interface Answer<T = Record<string, unknown>> {
	status: number;
	body: {
		success?: boolean;
		data: T;
		error?: { code: string; message: string };
		metadata?: { action: string | null; account_id?: string | null; credits_consumed: number };
	};
}

/** One /v2 request with the sandbox's key (or `apiKey`; '' = none). */
export async function api<T = Record<string, unknown>>(
	sandbox: Sandbox,
	method: string,
	path: string,
	body?: unknown,
	apiKey: string = sandbox.apiKey,
): Promise<Answer<T>> {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (apiKey) headers['x-api-key'] = apiKey;
	const res = await fetch(`${sandbox.url}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, body: (await res.json()) as Answer<T>['body'] };
}

/** One control request (GET sends no body). */
export async function control(
	sandbox: Sandbox,
	method: string,
	route: string,
	body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
	const res = await fetch(`${sandbox.url}/__sandbox/${route}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export interface Received {
	method: string;
	path: string;
	/** lower-cased names */
	headers: Record<string, string>;
	/** the raw bytes as received */
	raw: Buffer;
}

/** A webhook endpoint: records every request; answers `status` after `delayMs` (-1 = never). */
export class Receiver {
	readonly received: Received[] = [];
	status = 200;
	delayMs = 0;
	private server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const headers: Record<string, string> = {};
			for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
			const raw = Buffer.concat(chunks);
			this.received.push({ method: req.method ?? '', path: req.url ?? '', headers, raw });
			if (this.delayMs < 0) return;
			setTimeout(() => res.writeHead(this.status).end('ok'), this.delayMs);
		});
	});
	private sockets = new Set<Socket>();

	async start(): Promise<this> {
		this.server.on('connection', (s: Socket) => {
			this.sockets.add(s);
			s.on('close', () => this.sockets.delete(s));
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		return this;
	}

	url(path = '/hook'): string {
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
	}

	async close(): Promise<void> {
		const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
		for (const s of this.sockets) s.destroy();
		await done;
	}
}
