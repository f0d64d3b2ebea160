'use strict';
/**
 * Reading an execution as n8n's public API returns it with `includeData=true`
 * (`N8nClient.execution()`, `runManually()`, `waitForExecutions()`): a node's items, the
 * error the run ended with, a node's own timing.
 */

/**
 * An execution from the public API (`GET /api/v1/executions/:id?includeData=true`); only the
 * fields the tooling reads are spelled out.
 * @typedef {object} Execution
 * @property {string} id
 * @property {string} [status]      'success' | 'error' | 'crashed' | 'canceled' | 'running' | …
 * @property {boolean} [finished]
 * @property {string} [mode]
 * @property {string} [startedAt]
 * @property {string | null} [stoppedAt]
 * @property {string} [workflowId]
 * @property {{ resultData: { runData: Record<string, any[]>, lastNodeExecuted?: string, error?: any } }} [data]
 */

/**
 * An execution that finished with its data saved (what the client's waits return).
 * @typedef {Execution & { startedAt: string, stoppedAt: string, data: NonNullable<Execution['data']> }} FinishedExecution
 */

/**
 * @typedef {object} ExecutionError
 * @property {string} message
 * @property {string | undefined} description
 * @property {string | undefined} nodeName  the node that failed
 * @property {number | string | undefined} httpCode
 * @property {any} raw                      n8n's error object
 */

/**
 * The JSON items a node output in an execution (first run, main output 0 unless given).
 * @param {Execution | undefined} execution
 * @param {string | undefined} nodeName  e.g. `execution.data.resultData.lastNodeExecuted`
 * @param {{ run?: number, output?: number }} [options]
 * @returns {any[] | undefined} undefined when the node did not run
 */
function nodeItems(execution, nodeName, { run = 0, output = 0 } = {}) {
	if (nodeName === undefined) return undefined;
	const runData = execution?.data?.resultData?.runData?.[nodeName];
	if (!runData || !runData[run]) return undefined;
	const main = runData[run].data?.main?.[output] || [];
	return main.map((/** @type {{ json: any }} */ i) => i.json);
}

/**
 * The error an execution ended with, or undefined.
 * @param {Execution | undefined} execution
 * @returns {ExecutionError | undefined}
 */
function executionError(execution) {
	const err = execution?.data?.resultData?.error;
	if (!err) return undefined;
	return {
		message: err.message,
		description: err.description,
		nodeName: err.node?.name,
		httpCode: err.httpCode,
		raw: err,
	};
}

/**
 * How long a node took in an execution (ms, n8n's own measurement).
 * @param {Execution | undefined} execution
 * @param {string} nodeName
 * @param {number} [run]
 * @returns {number | undefined}
 */
function nodeExecutionTime(execution, nodeName, run = 0) {
	return execution?.data?.resultData?.runData?.[nodeName]?.[run]?.executionTime;
}

module.exports = { nodeItems, executionError, nodeExecutionTime };
