import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { keepPace } from './stream-pace';

/** A Writable that holds every write until `release` is called. */
function heldWritable(): { output: Writable; release: () => void } {
  const pending: (() => void)[] = [];
  const output = new Writable({
    highWaterMark: 4,
    write(_chunk, _encoding, done) {
      pending.push(done);
    },
  });
  return { output, release: () => pending.splice(0).forEach((done) => done()) };
}

describe(keepPace.name, () => {
  it('should resolve at once when the output has room', async () => {
    await expect(keepPace(heldWritable().output)).resolves.toBeUndefined();
  });

  it('should wait for the drain when the output is full', async () => {
    const { output, release } = heldWritable();
    output.write('12345');
    let resolved = false;

    const waiting = keepPace(output).then(() => {
      resolved = true;
    });
    await new Promise(setImmediate);
    expect(resolved).toBe(false);
    release();
    await waiting;

    expect(resolved).toBe(true);
    expect(output.listenerCount('drain')).toBe(0);
  });

  it('should reject when the output is closed while full', async () => {
    const { output } = heldWritable();
    output.write('12345');

    const waiting = keepPace(output);
    output.destroy();

    await expect(waiting).rejects.toThrow('the output was closed before the export was written');
  });

  it('should wait for a stage before the output, of the older stream kind, to drain', async () => {
    const { output } = heldWritable();
    const stage = Object.assign(new EventEmitter(), { _writableState: { needDrain: true } });
    let resolved = false;

    const waiting = keepPace(output, stage).then(() => {
      resolved = true;
    });
    await new Promise(setImmediate);
    expect(resolved).toBe(false);
    stage._writableState.needDrain = false;
    stage.emit('drain');
    await waiting;

    expect(resolved).toBe(true);
    expect(stage.listenerCount('drain')).toBe(0);
    await expect(keepPace(output, stage)).resolves.toBeUndefined();
  });

  it('should reject when the output closes while a stage before it is full', async () => {
    const { output } = heldWritable();
    const stage = Object.assign(new EventEmitter(), { _writableState: { needDrain: true } });

    const waiting = keepPace(output, stage);
    output.destroy();

    await expect(waiting).rejects.toThrow('closed');
    expect(stage.listenerCount('drain')).toBe(0);
  });

  it('should reject when the output is already destroyed', async () => {
    const { output } = heldWritable();
    output.destroy();

    await expect(keepPace(output)).rejects.toThrow('closed');
  });
});
