#!/usr/bin/env node
/*
 * The load generator of the roll-up benchmark in a process of its own (scripts/bench/plan-progress.ts):
 * run inside the platform's process, autocannon would share the one node thread that serves the
 * answers and its own work would count in their latency. Reads {url, duration, requests} from the
 * JSON file named as its argument (one connection per request: each user's token and query for the
 * whole run), prints {total, non2xx, errors, timeouts, times} as JSON on stdout.
 */
'use strict';
const { readFileSync } = require('node:fs');
const autocannon = require('autocannon');

const { url, duration, requests } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const times = [];
let next = 0;
const instance = autocannon(
  {
    url,
    method: 'POST',
    connections: requests.length,
    duration,
    setupClient: (client) => {
      const request = requests[next++ % requests.length];
      client.setHeadersAndBody(request.headers, request.body);
    },
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    process.stdout.write(JSON.stringify({ total: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, times }));
  },
);
instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
