import { Writable } from 'node:stream';
import type {
  DaftarHadirHeader,
  DaftarHadirRow,
} from '../../src/modules/attendance/render/daftar-hadir';

/** The first day of the reference workshop, all delegates. */
export function buildDaftarHadirHeader(
  overrides: Partial<DaftarHadirHeader> = {},
): DaftarHadirHeader {
  return {
    eventTitle: 'Workshop Penguatan Kapasitas Kehumasan Pemerintah Daerah',
    dayLabel: 'Rabu, 29 Juni 2022',
    venue: 'El Royal Hotel, Jakarta Utara',
    scopeLabel: 'Sesi: Pembukaan',
    ...overrides,
  };
}

export function buildDaftarHadirRow(overrides: Partial<DaftarHadirRow> = {}): DaftarHadirRow {
  return {
    no: 1,
    displayName: 'Dr. Drs. H. Suhajar Diantoro, M.Si',
    nip: '196711051987031001',
    position: 'Sekretaris Jenderal',
    organization: 'Kementerian Dalam Negeri',
    phone: '+62********890',
    checkedInAt: '08.12',
    status: 'hadir',
    ...overrides,
  };
}

/** The rows one by one, as a database cursor would hand them over. */
export async function* rowsOf(rows: readonly DaftarHadirRow[]): AsyncIterable<DaftarHadirRow> {
  for (const row of rows) yield row;
}

/** A long list, numbered from 1, whose every 4th delegate has not come. */
export async function* manyRows(
  count: number,
  onRow: (index: number) => void = () => undefined,
): AsyncIterable<DaftarHadirRow> {
  for (let index = 0; index < count; index += 1) {
    onRow(index);
    yield buildDaftarHadirRow({
      no: index + 1,
      displayName: `Peserta Nomor ${index + 1}`,
      checkedInAt: index % 4 === 3 ? null : '08.12',
      status: index % 4 === 3 ? 'tidak_hadir' : 'hadir',
    });
  }
}

/** A Writable that keeps the bytes and counts them as they arrive. */
export class CollectingWritable extends Writable {
  readonly chunks: Buffer[] = [];
  bytes = 0;

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    done();
  }

  get buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** A streamed daftar hadir writer: the XLSX and the PDF one. */
export type DaftarHadirWriter = (
  header: DaftarHadirHeader,
  rows: AsyncIterable<DaftarHadirRow>,
  output: Writable,
) => Promise<void>;

/**
 * The cases every streamed writer must pass alike: it stops reading rows soon after its output is
 * closed (a client that went away), and rejects with the error when reading the rows fails.
 */
export function itStopsWhenTheOutputOrTheRowsFail(write: DaftarHadirWriter): void {
  it('should stop reading rows when the output is closed part way', async () => {
    const output = new CollectingWritable();
    let read = 0;

    const writing = write(
      buildDaftarHadirHeader(),
      manyRows(20_000, (index) => {
        read = index + 1;
        if (index === 2_000) output.destroy();
      }),
      output,
    );

    await expect(writing).rejects.toThrow('closed');
    expect(read).toBeLessThan(2_100);
  });

  it('should reject with the error when reading the rows fails', async () => {
    async function* failing() {
      yield buildDaftarHadirRow();
      throw new Error('cursor lost');
    }

    await expect(
      write(buildDaftarHadirHeader(), failing(), new CollectingWritable()),
    ).rejects.toThrow('cursor lost');
  });
}
