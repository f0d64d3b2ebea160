'use strict';
// n8n 1.123.x on the machine's Node 20.
require('./suite')('1');
