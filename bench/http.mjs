// Load generation with autocannon, in the runner's process (the servers run in their own).
import autocannon from 'autocannon';
import { request } from './lib.mjs';

function fire({ url, headers, connections, seconds }) {
  return autocannon({ url, method: 'GET', headers, connections, duration: seconds, timeout: 10 });
}

/**
 * One measurement: a sanity request that must answer 200, a warm-up run (discarded) so that the
 * JIT and the connection pools are warm, then the measured run. req/s counts 2xx answers only.
 */
export async function measure({ url, headers = {}, connections, seconds, warmupSeconds }) {
  const probe = await request('GET', url, { headers });
  if (probe.status !== 200) {
    throw new Error(`GET ${url} answered ${probe.status} before the load: ${probe.text}`);
  }
  if (warmupSeconds > 0) await fire({ url, headers, connections, seconds: warmupSeconds });
  const result = await fire({ url, headers, connections, seconds });
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
