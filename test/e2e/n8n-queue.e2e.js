'use strict';
// n8n 2.41.x in queue mode: main + 2 workers + webhook processor on Postgres and Redis (issue 11).
require('./queue')();
