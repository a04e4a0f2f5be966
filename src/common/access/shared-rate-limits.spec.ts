import type { Worker } from 'node:cluster';
import { EventEmitter } from 'node:events';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { PrimaryThrottlerStorage, serveRateLimits } from './shared-rate-limits';

type Send = (
  message: unknown,
  handle?: unknown,
  options?: unknown,
  done?: (error: Error | null) => void,
) => boolean;

/**
 * A worker's end of the IPC channel (what `process` is in a worker) and the primary's end (the
 * Worker object), joined in memory: what one sends, the other receives on a later tick.
 */
function channelPair(): { workerEnd: NodeJS.Process; primaryEnd: Worker } {
  const workerEnd = Object.assign(new EventEmitter(), { connected: true });
  const primaryEnd = Object.assign(new EventEmitter(), { isConnected: () => true });
  const sendToPrimary: Send = (message, _handle, _options, done) => {
    setImmediate(() => {
      primaryEnd.emit('message', message);
      done?.(null);
    });
    return true;
  };
  const sendToWorker: Send = (message) => {
    setImmediate(() => workerEnd.emit('message', message));
    return true;
  };
  return {
    workerEnd: Object.assign(workerEnd, { send: sendToPrimary }) as unknown as NodeJS.Process,
    primaryEnd: Object.assign(primaryEnd, { send: sendToWorker }) as unknown as Worker,
  };
}

const TTL = 60_000;

describe('rate limits shared by the workers', () => {
  it('should count the hits of two workers in the one store of the primary', async () => {
    const store = new ThrottlerStorageService();
    const first = channelPair();
    const second = channelPair();
    serveRateLimits(first.primaryEnd, store);
    serveRateLimits(second.primaryEnd, store);
    const workers = [
      new PrimaryThrottlerStorage(first.workerEnd),
      new PrimaryThrottlerStorage(second.workerEnd),
    ];
    const records = [];
    for (let n = 0; n < 5; n++) {
      records.push(await workers[n % 2]!.increment('1.2.3.4', TTL, 3, TTL, 'login'));
    }
    expect(records.map((record) => record.totalHits)).toEqual([1, 2, 3, 4, 4]);
    expect(records.map((record) => record.isBlocked)).toEqual([false, false, false, true, true]);
    // Another client (the guard's key names the client, the route and the limit) counts apart.
    expect((await workers[1]!.increment('5.6.7.8', TTL, 3, TTL, 'login')).totalHits).toBe(1);
  });

  it('should answer concurrent counts each with its own record', async () => {
    const store = new ThrottlerStorageService();
    const { workerEnd, primaryEnd } = channelPair();
    serveRateLimits(primaryEnd, store);
    const worker = new PrimaryThrottlerStorage(workerEnd);
    const records = await Promise.all(
      Array.from({ length: 6 }, () => worker.increment('client', TTL, 10, TTL, 'public')),
    );
    expect(records.map((record) => record.totalHits).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });

  it('should count on its own when the channel to the primary is gone or refuses', async () => {
    const { workerEnd } = channelPair();
    Object.assign(workerEnd, { connected: false });
    const disconnected = new PrimaryThrottlerStorage(workerEnd);
    expect((await disconnected.increment('client', TTL, 1, TTL, 'login')).isBlocked).toBe(false);
    expect((await disconnected.increment('client', TTL, 1, TTL, 'login')).isBlocked).toBe(true);

    const refuse: Send = (_message, _handle, _options, done) => {
      setImmediate(() => done?.(new Error('channel closed')));
      return false;
    };
    const refusing = Object.assign(new EventEmitter(), { connected: true, send: refuse });
    const alone = new PrimaryThrottlerStorage(refusing as unknown as NodeJS.Process);
    expect((await alone.increment('client', TTL, 1, TTL, 'login')).totalHits).toBe(1);
    expect((await alone.increment('client', TTL, 1, TTL, 'login')).isBlocked).toBe(true);
  });
});
