// Load generation with autocannon, in the runner's process (the servers run in their own).
import autocannon from 'autocannon';
import { request } from './lib.mjs';

function fire({ url, method, headers, nextBody, connections, seconds }) {
  const options = { url, method, headers, connections, duration: seconds, timeout: 10 };
  // setupRequest runs before every request, so each one carries a body of its own.
  if (nextBody) {
    options.requests = [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(nextBody()) }) }];
  }
  return autocannon(options);
}

/**
 * One measurement: a sanity request that must answer `expectedStatus`, a warm-up run (discarded)
 * so that the JIT and the connection pools are warm, then the measured run. req/s counts 2xx
 * answers only. Without `nextBody` every request is the same GET; with it, each request sends
 * the JSON of a new nextBody() call (the probe too), for endpoints that refuse a repeated body.
 */
export async function measure({
  url,
  method = 'GET',
  headers = {},
  nextBody,
  expectedStatus = 200,
  connections,
  seconds,
  warmupSeconds,
}) {
  const probe = await request(method, url, { headers, body: nextBody?.() });
  if (probe.status !== expectedStatus) {
    throw new Error(`${method} ${url} answered ${probe.status} before the load: ${probe.text}`);
  }
  const headersWithType = nextBody ? { ...headers, 'content-type': 'application/json' } : headers;
  const load = { url, method, headers: headersWithType, nextBody, connections };
  if (warmupSeconds > 0) await fire({ ...load, seconds: warmupSeconds });
  const result = await fire({ ...load, seconds });
  return {
    reqPerSec: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds: result.duration,
  };
}
