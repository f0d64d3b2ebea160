// n8n-core reads these at import time: keep it quiet, off the home folder, and on loopback.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'linkup-n8n-'));
process.env.N8N_LOG_LEVEL = 'silent';
process.env.NO_PROXY = '127.0.0.1,localhost';
process.env.GENERIC_TIMEZONE = 'UTC';
delete process.env.N8N_SSRF_PROTECTION_ENABLED;
delete process.env.HTTP_PROXY;
delete process.env.HTTPS_PROXY;
delete process.env.http_proxy;
delete process.env.https_proxy;
