import { pdfPageTexts } from '../../../../test/support/pdf-text';
import {
  buildDaftarHadirHeader,
  buildDaftarHadirRow,
  CollectingWritable,
  itStopsWhenTheOutputOrTheRowsFail,
  manyRows,
  rowsOf,
} from '../../../../test/support/daftar-hadir';
import { writeDaftarHadirPdf } from './daftar-hadir-pdf';

describe(writeDaftarHadirPdf.name, () => {
  it('should write the heading, the event, the day, the table and the names when given two delegates', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirPdf(
      buildDaftarHadirHeader(),
      rowsOf([
        buildDaftarHadirRow(),
        buildDaftarHadirRow({
          no: 2,
          displayName: 'Moh Ilham A Hamudy',
          organization: 'Pemerintah Kota Bandung',
          checkedInAt: null,
          status: 'diwakili',
        }),
      ]),
      output,
    );
    const pages = await pdfPageTexts(output.buffer);
    const text = pages.join('\n');

    expect(output.buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages).toHaveLength(1);
    for (const expected of [
      'DAFTAR HADIR',
      'Workshop Penguatan Kapasitas Kehumasan Pemerintah Daerah',
      'Rabu, 29 Juni 2022',
      'El Royal Hotel, Jakarta Utara',
      'Sesi: Pembukaan',
      'No Nama NIP Jabatan Instansi Telepon Jam Hadir Status Tanda Tangan',
      'Dr. Drs. H. Suhajar Diantoro, M.Si',
      '196711051987031001',
      '+62********890',
      '08.12',
      'Moh Ilham A Hamudy',
      'Pemerintah Kota Bandung',
      'Diwakili',
      'Halaman 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Halaman 1 dari');
  });

  it('should state the chain head and leave the status empty when nothing is recorded', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirPdf(
      buildDaftarHadirHeader({ chain: { head: 'a'.repeat(64), length: 7 } }),
      rowsOf([buildDaftarHadirRow({ checkedInAt: null, status: null })]),
      output,
    );
    const text = (await pdfPageTexts(output.buffer)).join('\n');

    expect(text).toContain(`Rantai presensi: ${'a'.repeat(64)} (7 entri)`);
    expect(text).toContain('+62********890');
    expect(text.replaceAll('Jam Hadir', '')).not.toMatch(/Hadir|Izin|Diwakili/);
  });

  it('should write the table header and one page when nobody is listed', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirPdf(buildDaftarHadirHeader({ venue: null }), rowsOf([]), output);
    const pages = await pdfPageTexts(output.buffer);

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Tanda Tangan');
    expect(pages[0]).toContain('Halaman 1');
  });

  it('should repeat the table header and number each page when the list is long', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirPdf(buildDaftarHadirHeader(), manyRows(60), output);
    const pages = await pdfPageTexts(output.buffer);

    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain('No Nama NIP Jabatan Instansi Telepon Jam Hadir Status Tanda Tangan');
      expect(page).toContain(`Halaman ${index + 1}`);
      expect(page).toContain('Rabu, 29 Juni 2022');
    });
    expect(pages.at(-1)).toContain('Peserta Nomor 60');
    expect(pages.join('\n')).toContain('Tidak Hadir');
  });

  it('should cut a position too long for three lines with an ellipsis and keep the row on the page', async () => {
    const output = new CollectingWritable();

    await writeDaftarHadirPdf(
      buildDaftarHadirHeader(),
      rowsOf([buildDaftarHadirRow({ position: 'Kepala Bagian '.repeat(30) })]),
      output,
    );
    const pages = await pdfPageTexts(output.buffer);

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('…');
  });

  it('should stream the output while rows are still read when given 20,000 rows', async () => {
    const output = new CollectingWritable();
    const bytesWhileReading: number[] = [];

    await writeDaftarHadirPdf(
      buildDaftarHadirHeader(),
      manyRows(20_000, (index) => {
        if (index % 5_000 === 0) bytesWhileReading.push(output.bytes);
      }),
      output,
    );

    expect(bytesWhileReading.at(-1)).toBeGreaterThan(0);
    expect(bytesWhileReading.at(-1)).toBeLessThan(output.bytes);
    expect(output.buffer.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  itStopsWhenTheOutputOrTheRowsFail(writeDaftarHadirPdf);
});
