import { buildDaftarHadirHeader, buildDaftarHadirRow } from '../../../../test/support/daftar-hadir';
import { headerLines, rowCells } from './daftar-hadir';

describe(rowCells.name, () => {
  it.each([
    ['hadir', 'Hadir'],
    ['izin', 'Izin'],
    ['diwakili', 'Diwakili'],
    ['tidak_hadir', 'Tidak Hadir'],
    [null, ''],
  ] as const)('should write the status %s as "%s"', (status, label) => {
    expect(rowCells(buildDaftarHadirRow({ status }))[7]).toBe(label);
  });

  it('should leave unknown values and the signature empty', () => {
    expect(
      rowCells(buildDaftarHadirRow({ nip: null, position: null, phone: null, checkedInAt: null })),
    ).toEqual([
      '1',
      'Dr. Drs. H. Suhajar Diantoro, M.Si',
      '',
      '',
      'Kementerian Dalam Negeri',
      '',
      '',
      'Hadir',
      '',
    ]);
  });
});

describe(headerLines.name, () => {
  it('should add the chain head and its length after the scope when given', () => {
    expect(
      headerLines(buildDaftarHadirHeader({ chain: { head: 'ab'.repeat(32), length: 12 } })),
    ).toEqual([
      'Workshop Penguatan Kapasitas Kehumasan Pemerintah Daerah',
      'Rabu, 29 Juni 2022',
      'El Royal Hotel, Jakarta Utara',
      'Sesi: Pembukaan',
      `Rantai presensi: ${'ab'.repeat(32)} (12 entri)`,
    ]);
  });

  it('should leave out what is unknown', () => {
    expect(
      headerLines(buildDaftarHadirHeader({ venue: null, scopeLabel: ' ', chain: null })),
    ).toEqual(['Workshop Penguatan Kapasitas Kehumasan Pemerintah Daerah', 'Rabu, 29 Juni 2022']);
  });
});
