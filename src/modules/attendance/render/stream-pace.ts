import type { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * A writable stream of the older kind (readable-stream 2, inside exceljs and archiver), which has
 * no `writableNeedDrain` but keeps the same flag in its state and emits `drain` alike.
 */
export interface LegacyWritable extends EventEmitter {
  _writableState?: { needDrain?: boolean };
}

/**
 * Waits while a buffer on the way out is full, so that a writer fed faster than the reader takes
 * (a slow download, or a zip slower than the rows) holds a bounded amount in memory instead of
 * the whole export. `buffer` is the output itself unless a stage before it fills up first.
 * Rejects when the output is destroyed first (the client went away), so that the writer stops
 * reading rows; a stage before the output would never drain then.
 */
export async function keepPace(
  output: Writable,
  buffer: Writable | LegacyWritable = output,
): Promise<void> {
  if (output.destroyed) throw closedEarly();
  if (!needsDrain(buffer)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      buffer.off('drain', onDrain);
      output.off('close', onClose);
      output.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(closedEarly());
    buffer.on('drain', onDrain);
    output.on('close', onClose);
    output.on('error', settle);
  });
}

function needsDrain(buffer: Writable | LegacyWritable): boolean {
  return 'writableNeedDrain' in buffer
    ? buffer.writableNeedDrain
    : (buffer._writableState?.needDrain ?? false);
}

/** Lets other requests run between batches of a long export. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function closedEarly(): Error {
  return new Error('the output was closed before the export was written');
}
