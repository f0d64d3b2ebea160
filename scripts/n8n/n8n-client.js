'use strict';
/**
 * The client the tooling drives a running n8n with: everything of `N8nSession`
 * (n8n-session.js: HTTP, owner, login, API key, credentials and their Test, workflows) plus
 * running workflows: activation and "poll now", executions, manual runs and "Fetch Test Event".
 * Where n8n 2.41 and 1.123 differ it hides the difference (scripts/n8n/README.md). The process
 * itself is `N8nProcess` (n8n-process.js).
 *
 *   const n8n = new N8nClient({ url: n8nProcess.url, line: '2' });
 *   await n8n.setup();                        // owner, login, API key
 *   const cred = await n8n.createCredential({ name, type, data });
 *   const wf = await n8n.createWorkflow(workflow);
 *   const execution = await n8n.runManually(wf.id, { trigger: 'Manual Trigger' });
 */
const { waitFor } = require('./proc');
const { N8nSession } = require('./n8n-session');

/** @typedef {import('./execution-data').Execution} Execution */
/** @typedef {import('./execution-data').FinishedExecution} FinishedExecution */
/**
 * n8n 2.x's publication status of a workflow.
 * @typedef {{ status: string, pendingVersionId?: string | null, triggers?: { errorMessage?: string }[] }} PublicationStatus
 */

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/** A workflow that did not activate; `activationError` is n8n's reason (for a poll, our message). */
class ActivationError extends Error {
	/**
	 * @param {string} id the workflow
	 * @param {string} activationError
	 * @param {PublicationStatus} [publication] n8n 2.x's settled publication status
	 */
	constructor(id, activationError, publication) {
		super(`activation of workflow ${id} failed: ${activationError}`);
		this.activationError = activationError;
		if (publication) this.publication = publication;
	}
}

class N8nClient extends N8nSession {
	// ---------- activation ----------

	/**
	 * Activates ("publishes") a workflow and waits until its triggers are live: n8n 1.x activates
	 * synchronously (the activation poll has run when the API answers, and a failed poll is a 400);
	 * n8n 2.41 queues the activation (publication outbox) and retries a failing trigger up to 5
	 * times with backoff (1 s, 2 s, 4 s, 8 s): wait for GET /rest/workflows/:id/publication-status
	 * to settle. Throws an ActivationError with n8n's activation error when it failed.
	 * @param {string} id
	 * @param {{ timeoutMs?: number }} [options]
	 */
	async activate(id, { timeoutMs = 60000 } = {}) {
		const res = await this.api('POST', `/workflows/${id}/activate`, undefined, { raw: true });
		if (res.status !== 200)
			throw new ActivationError(id, res.body?.message || JSON.stringify(res.body));
		const status = await this.waitForPublication(id, { timeoutMs });
		if (status && status.status !== 'published') {
			throw new ActivationError(id, triggerErrors(status) || status.status, status);
		}
		return res.body;
	}

	/**
	 * @param {string} id
	 * @param {{ timeoutMs?: number }} [options]
	 */
	async deactivate(id, { timeoutMs = 60000 } = {}) {
		const wf = await this.api('POST', `/workflows/${id}/deactivate`);
		await this.waitForPublication(id, { timeoutMs });
		return wf;
	}

	/**
	 * n8n 2.x: { status: 'in_progress'|'published'|'partial'|'failed'|'not_published', triggers }; 1.x,
	 * or 2.x with N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false (the endpoint answers 404): undefined.
	 * @param {string} id
	 * @returns {Promise<PublicationStatus | undefined>}
	 */
	async publicationStatus(id) {
		if (this.line === '1') return undefined;
		const res = await this.rest('GET', `/workflows/${id}/publication-status`, undefined, {
			raw: true,
			expect: [200, 404],
		});
		return res.status === 404 ? undefined : (res.body?.data ?? res.body);
	}

	/**
	 * Waits until no (de)activation of the workflow is in flight (2.x); returns the settled status
	 * (undefined without a publication service: activation is synchronous there, as in 1.x).
	 * @param {string} id
	 * @param {{ timeoutMs?: number }} [options]
	 */
	async waitForPublication(id, { timeoutMs = 60000 } = {}) {
		if (this.line === '1') return undefined;
		const settled = await waitFor(
			async () => {
				const s = await this.publicationStatus(id);
				if (s === undefined) return { status: undefined };
				return s.status !== 'in_progress' && !s.pendingVersionId ? { status: s } : undefined;
			},
			{ timeoutMs, intervalMs: 100, what: `workflow ${id} (de)activation to settle` },
		);
		return settled.status;
	}

	/**
	 * The activation error n8n recorded for a workflow (1.x: /rest/active-workflows/error), or undefined.
	 * @param {string} id
	 * @returns {Promise<string | undefined>}
	 */
	async activationError(id) {
		if (this.line !== '1') {
			const s = await this.publicationStatus(id);
			return (s && triggerErrors(s)) || undefined;
		}
		try {
			const data = await this.rest('GET', `/active-workflows/error/${id}`);
			if (!data) return undefined;
			if (typeof data === 'string') return data;
			return data.error || data.message || undefined;
		} catch {
			return undefined;
		}
	}

	/**
	 * "Poll now" for a polling trigger: deactivate + activate runs poll() once, static data kept.
	 * @param {string} id
	 */
	async pollNow(id) {
		await this.deactivate(id);
		return await this.activate(id);
	}

	// ---------- executions ----------

	/**
	 * All executions (newest first), with data unless `includeData` is false, optionally of one workflow.
	 * @param {{ workflowId?: string, includeData?: boolean, status?: string }} [filter]
	 * @returns {Promise<Execution[]>}
	 */
	async executions({ workflowId, includeData = true, status } = {}) {
		const all = [];
		let cursor;
		do {
			const q = new URLSearchParams({ includeData: String(includeData), limit: '250' });
			if (workflowId) q.set('workflowId', String(workflowId));
			if (status) q.set('status', status);
			if (cursor) q.set('cursor', cursor);
			const page = await this.api('GET', `/executions?${q}`);
			all.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return all;
	}

	/**
	 * @param {string} id
	 * @param {{ includeData?: boolean }} [options]
	 * @returns {Promise<Execution>}
	 */
	async execution(id, { includeData = true } = {}) {
		return await this.api('GET', `/executions/${id}?includeData=${includeData}`);
	}

	/**
	 * Waits until the workflow has `count` finished executions; returns them (oldest first).
	 * @param {string} workflowId
	 * @param {number} count
	 * @param {{ timeoutMs?: number }} [options]
	 */
	async waitForExecutions(workflowId, count, { timeoutMs = 30000 } = {}) {
		/** @type {FinishedExecution[]} */
		let list = [];
		await waitFor(
			async () => {
				list = /** @type {FinishedExecution[]} */ (
					(await this.executions({ workflowId })).filter(
						(e) =>
							(e.finished || FINISHED.includes(String(e.status))) &&
							e.stoppedAt &&
							e.data?.resultData,
					)
				);
				return list.length >= count;
			},
			{ timeoutMs, intervalMs: 250, what: `${count} execution(s) of workflow ${workflowId}` },
		);
		return list.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/**
	 * The editor's run button (POST /rest/workflows/:id/run): starts from `trigger` (a node name).
	 * With `destinationNode` it runs only up to that node ("Fetch Test Event" on a trigger).
	 * Works on 1.123 (wants workflowData) and 2.41 (reads the workflow from the database and
	 * ignores workflowData). Waits for the execution and returns it with its data decoded.
	 * @param {string} workflowId
	 * @param {{ trigger: string, destinationNode?: string, timeoutMs?: number }} options
	 */
	async runManually(workflowId, { trigger, destinationNode, timeoutMs = 60000 }) {
		const workflowData = await this.getWorkflowRest(workflowId);
		/** @type {{ workflowData: unknown, triggerToStartFrom: { name: string }, destinationNode?: { nodeName: string, mode: 'inclusive' } }} */
		const body = { workflowData, triggerToStartFrom: { name: trigger } };
		if (destinationNode) body.destinationNode = { nodeName: destinationNode, mode: 'inclusive' };
		const started = await this.rest('POST', `/workflows/${workflowId}/run`, body);
		if (!started || !started.executionId) {
			throw new Error(
				`manual run of workflow ${workflowId} did not start: ${JSON.stringify(started)}`,
			);
		}
		return await this.waitForExecution(started.executionId, { timeoutMs });
	}

	/**
	 * Waits for one execution to finish; returns the public API's view (data decoded).
	 * @param {string} executionId
	 * @param {{ timeoutMs?: number }} [options]
	 * @returns {Promise<FinishedExecution>}
	 */
	async waitForExecution(executionId, { timeoutMs = 60000 } = {}) {
		return await waitFor(
			async () => {
				const res = await this.api(
					'GET',
					`/executions/${executionId}?includeData=true`,
					undefined,
					{ raw: true, expect: [200, 404] },
				);
				if (res.status !== 200) return undefined;
				/** @type {Execution} */
				const e = res.body;
				const done = e.finished || FINISHED.includes(String(e.status));
				// n8n 1.x marks an execution stopped a moment before its data is saved: wait for both.
				return done && e.stoppedAt && e.data?.resultData
					? /** @type {FinishedExecution} */ (e)
					: undefined;
			},
			{ timeoutMs, intervalMs: 200, what: `execution ${executionId} to finish` },
		);
	}

	/**
	 * The internal REST view of an execution (what the editor gets), `data` still flatted-encoded.
	 * @param {string} id
	 */
	async executionRest(id) {
		return await this.rest('GET', `/executions/${id}`);
	}
}

/**
 * The triggers' error messages in a publication status, joined ('' when none).
 * @param {PublicationStatus} status
 */
function triggerErrors(status) {
	return (status.triggers || [])
		.map((t) => t.errorMessage)
		.filter(Boolean)
		.join('; ');
}

module.exports = { N8nClient, ActivationError };
