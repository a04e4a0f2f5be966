import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  buildDaftarHadirHeader,
  buildDaftarHadirRow,
  CollectingWritable,
  itStopsWhenTheOutputOrTheRowsFail,
  manyRows,
  rowsOf,
} from '../../../../test/support/daftar-hadir';
import { sheetZipInput, writeDaftarHadirXlsx } from './daftar-hadir-xlsx';

async function readBack(output: CollectingWritable): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([output.buffer]));
  const sheet = workbook.getWorksheet('Daftar Hadir');
  if (!sheet) throw new Error('no Daftar Hadir sheet');
  return sheet;
}

/** Reads the rows one by one, as a long list is best read back: the last row's number and values. */
async function lastRow(output: CollectingWritable): Promise<{ number: number; values: unknown[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([output.buffer]), {});
  let last = { number: 0, values: [] as unknown[] };
  for await (const sheet of reader) {
    for await (const row of sheet) {
      last = { number: row.number, values: (row.values as unknown[]).slice(1) };
    }
  }
  return last;
}

/** The values of the row's nine columns, null for an empty cell. */
const valuesOf = (sheet: ExcelJS.Worksheet, row: number) =>
  Array.from({ length: 9 }, (_, column) => sheet.getCell(row, column + 1).value);

describe(writeDaftarHadirXlsx.name, () => {
  it('should write the header lines, the table header and the rows when given two delegates', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirXlsx(
      buildDaftarHadirHeader(),
      rowsOf([
        buildDaftarHadirRow(),
        buildDaftarHadirRow({
          no: 2,
          displayName: 'Moh Ilham A Hamudy',
          nip: null,
          position: null,
          phone: null,
          checkedInAt: null,
          status: 'izin',
        }),
      ]),
      output,
    );
    const sheet = await readBack(output);

    expect([1, 2, 3, 4, 5].map((row) => sheet.getCell(row, 1).value)).toEqual([
      'DAFTAR HADIR',
      'Workshop Penguatan Kapasitas Kehumasan Pemerintah Daerah',
      'Rabu, 29 Juni 2022',
      'El Royal Hotel, Jakarta Utara',
      'Sesi: Pembukaan',
    ]);
    expect(valuesOf(sheet, 7)).toEqual([
      'No',
      'Nama',
      'NIP',
      'Jabatan',
      'Instansi',
      'Telepon',
      'Jam Hadir',
      'Status',
      'Tanda Tangan',
    ]);
    expect(valuesOf(sheet, 8)).toEqual([
      1,
      'Dr. Drs. H. Suhajar Diantoro, M.Si',
      '196711051987031001',
      'Sekretaris Jenderal',
      'Kementerian Dalam Negeri',
      '+62********890',
      '08.12',
      'Hadir',
      null,
    ]);
    expect(valuesOf(sheet, 9)).toEqual([
      2,
      'Moh Ilham A Hamudy',
      null,
      null,
      'Kementerian Dalam Negeri',
      null,
      null,
      'Izin',
      null,
    ]);
    expect(sheet.rowCount).toBe(9);
  });

  it('should leave the status empty when nothing is recorded, and state the chain head', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirXlsx(
      buildDaftarHadirHeader({ scopeLabel: null, chain: { head: 'f'.repeat(64), length: 3 } }),
      rowsOf([buildDaftarHadirRow({ checkedInAt: null, status: null })]),
      output,
    );
    const sheet = await readBack(output);

    expect(sheet.getCell(5, 1).value).toBe(`Rantai presensi: ${'f'.repeat(64)} (3 entri)`);
    expect(sheet.getCell(7, 8).value).toBe('Status');
    expect(valuesOf(sheet, 8).slice(6)).toEqual([null, null, null]);
  });

  it('should print A4 landscape with the table header repeated and frozen', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirXlsx(buildDaftarHadirHeader(), rowsOf([buildDaftarHadirRow()]), output);
    const sheet = await readBack(output);

    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: '7:7',
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(sheet.getCell(8, 9).border).toMatchObject({ left: { style: 'thin' } });
  });

  it('should leave out the venue and scope lines when they are unknown', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirXlsx(
      buildDaftarHadirHeader({ venue: null, scopeLabel: null }),
      rowsOf([buildDaftarHadirRow()]),
      output,
    );
    const sheet = await readBack(output);

    expect(sheet.getCell(4, 1).value).toBeNull();
    expect(sheet.getCell(5, 1).value).toBe('No');
    expect(sheet.getCell(6, 2).value).toBe('Dr. Drs. H. Suhajar Diantoro, M.Si');
  });

  it('should neutralise a name and a title that look like formulas', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirXlsx(
      buildDaftarHadirHeader({ eventTitle: '=HYPERLINK("http://x","klik")' }),
      rowsOf([buildDaftarHadirRow({ displayName: '=1+2', organization: '@SUM(A1)' })]),
      output,
    );
    const sheet = await readBack(output);

    expect(sheet.getCell(2, 1).value).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(sheet.getCell(8, 2).value).toBe(`'=1+2`);
    expect(sheet.getCell(8, 5).value).toBe(`'@SUM(A1)`);
    expect(sheet.getCell(8, 2).formula).toBeUndefined();
  });

  it('should neutralise a phone only when it is not a plain or masked number', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirXlsx(
      buildDaftarHadirHeader(),
      rowsOf([
        buildDaftarHadirRow({ phone: '+6281234567890' }),
        buildDaftarHadirRow({ no: 2, phone: '+62********890' }),
        buildDaftarHadirRow({ no: 3, phone: '+1+cmd|calc' }),
      ]),
      output,
    );
    const sheet = await readBack(output);

    expect([8, 9, 10].map((row) => sheet.getCell(row, 6).value)).toEqual([
      '+6281234567890',
      '+62********890',
      `'+1+cmd|calc`,
    ]);
  });

  it('should write the table header and no rows when nobody is listed', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirXlsx(buildDaftarHadirHeader(), rowsOf([]), output);
    const sheet = await readBack(output);

    expect(sheet.getCell(7, 9).value).toBe('Tanda Tangan');
    expect(sheet.rowCount).toBe(7);
  });

  it('should stream the output while rows are still read when given 20,000 rows', async () => {
    const output = new CollectingWritable();
    const bytesWhileReading: number[] = [];

    await writeDaftarHadirXlsx(
      buildDaftarHadirHeader(),
      manyRows(20_000, (index) => {
        if (index % 5_000 === 0) bytesWhileReading.push(output.bytes);
      }),
      output,
    );
    const last = await lastRow(output);

    expect(bytesWhileReading.at(-1)).toBeGreaterThan(0);
    expect(bytesWhileReading.at(-1)).toBeLessThan(output.bytes);
    expect(last.number).toBe(7 + 20_000);
    expect(last.values.slice(0, 2)).toEqual([20_000, 'Peserta Nomor 20000']);
  });

  itStopsWhenTheOutputOrTheRowsFail(writeDaftarHadirXlsx);
});

describe(sheetZipInput.name, () => {
  it('should find the stream the zip reads the sheet from once the zip has started on it', async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new CollectingWritable() });
    const sheet = workbook.addWorksheet('Daftar Hadir');
    for (let row = 0; row < 1_000; row++) sheet.addRow([row, 'Peserta'.repeat(20)]).commit();
    for (let turn = 0; turn < 5 && !sheetZipInput(sheet); turn++) {
      await new Promise(setImmediate);
    }

    const input = sheetZipInput(sheet);
    expect(input?._writableState).toEqual(
      expect.objectContaining({ needDrain: expect.any(Boolean) }),
    );
    expect(typeof input?.once).toBe('function');
    sheet.commit();
    await workbook.commit();
  });
});
