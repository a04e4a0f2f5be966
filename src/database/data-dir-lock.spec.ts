import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLock, DataDirLockedError, LOCK_FILE_NAME } from './data-dir-lock';

describe(DataDirLock.name, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rakor-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should write the owner pid and remove the file on release', () => {
    const lock = DataDirLock.acquire(dir);
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('should refuse a second lock while the first is held, naming the owner', () => {
    const lock = DataDirLock.acquire(dir);
    expect(() => DataDirLock.acquire(dir)).toThrow(DataDirLockedError);
    expect(() => DataDirLock.acquire(dir)).toThrow(
      `in use by another Rakor process (pid ${process.pid})`,
    );
    lock.release();
    DataDirLock.acquire(dir).release();
  });

  it.each([
    [
      'a process that has exited',
      () =>
        spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
          encoding: 'utf8',
        }).stdout,
    ],
    ['garbage', () => 'not a pid'],
    ['nothing', () => ''],
  ])('should take over a stale lock holding %s', (_name, content) => {
    writeFileSync(join(dir, LOCK_FILE_NAME), content());
    const lock = DataDirLock.acquire(dir);
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
  });

  it('should create a missing data directory', () => {
    const nested = join(dir, 'a', 'b');
    DataDirLock.acquire(nested).release();
    expect(existsSync(nested)).toBe(true);
  });
});
