import type { Writable } from 'node:stream';

/**
 * Waits while the output's buffer is full, so that a writer fed faster than the reader takes
 * (a slow download) holds a bounded amount in memory instead of the whole export. Rejects when
 * the output is destroyed first (the client went away), so that the writer stops reading rows.
 */
export async function keepPace(output: Writable): Promise<void> {
  if (output.destroyed) throw closedEarly();
  if (!output.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      output.off('drain', onDrain);
      output.off('close', onClose);
      output.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(closedEarly());
    output.on('drain', onDrain);
    output.on('close', onClose);
    output.on('error', settle);
  });
}

/** Lets other requests run between batches of a long export. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function closedEarly(): Error {
  return new Error('the output was closed before the export was written');
}
