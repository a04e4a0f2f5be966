import type { Worker } from 'node:cluster';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';

/**
 * Rate limits shared by the workers of one machine (`WORKERS` > 1). Each worker would otherwise
 * count a client's requests on its own, and node:cluster hands a client's connections to the
 * workers in turn, so a limit of 10 logins a minute would let 10 through per worker. Instead the
 * primary process keeps the one store (the throttler's own in-memory store) and every worker
 * counts through it over the cluster's IPC channel.
 */

const MESSAGE_TYPE = 'rakor:rate-limit';

type IncrementArguments = Parameters<ThrottlerStorage['increment']>;
/** What the throttler's storage answers (its type is not exported by the package's index). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface IncrementRequest {
  type: typeof MESSAGE_TYPE;
  id: number;
  args: IncrementArguments;
}

interface IncrementAnswer {
  type: typeof MESSAGE_TYPE;
  id: number;
  record: ThrottlerStorageRecord;
}

function isOurs<T extends IncrementRequest | IncrementAnswer>(message: unknown): message is T {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === MESSAGE_TYPE
  );
}

/** In the primary: answers one worker's counts from `store`, which every worker shares. */
export function serveRateLimits(worker: Worker, store: ThrottlerStorage): void {
  worker.on('message', (message: unknown) => {
    if (!isOurs<IncrementRequest>(message)) return;
    void store.increment(...message.args).then((record) => {
      if (!worker.isConnected()) return;
      const answer: IncrementAnswer = { type: MESSAGE_TYPE, id: message.id, record };
      worker.send(answer);
    });
  });
}

/**
 * In a worker: the throttler's storage, counting in the primary. Should the channel to the
 * primary be gone (the worker is being stopped), it counts on its own rather than fail the
 * request.
 */
export class PrimaryThrottlerStorage implements ThrottlerStorage {
  private readonly pending = new Map<number, (record: ThrottlerStorageRecord) => void>();
  private readonly local = new ThrottlerStorageService();
  private nextId = 0;

  constructor(private readonly channel: NodeJS.Process = process) {
    channel.on('message', (message: unknown) => {
      if (!isOurs<IncrementAnswer>(message)) return;
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.record);
    });
  }

  increment(...args: IncrementArguments): Promise<ThrottlerStorageRecord> {
    if (this.channel.send === undefined || !this.channel.connected) {
      return this.local.increment(...args);
    }
    const id = this.nextId++;
    const request: IncrementRequest = { type: MESSAGE_TYPE, id, args };
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.channel.send!(request, undefined, undefined, (error: Error | null) => {
        if (error === null) return;
        this.pending.delete(id);
        resolve(this.local.increment(...args));
      });
    });
  }
}
