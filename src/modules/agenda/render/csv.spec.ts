import {
  buildRundown,
  buildRundownItem,
  buildWitaRundown,
  personHolder,
} from '../../../../test/support/rundown';
import { RUNDOWN_CSV_COLUMNS, renderCsv } from './csv';

const BOM = '\uFEFF';

/**
 * Reads RFC 4180 text back into rows: fields split by commas, records by CRLF, quoted fields may
 * hold commas, doubled quotes and line breaks. (csv-parse is not installed; this is all the
 * tests need.)
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      index += 1;
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe(renderCsv.name, () => {
  it('should start with a byte-order mark and end records with CRLF when rendered', () => {
    const text = renderCsv(buildRundown());

    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '').includes('\r')).toBe(false);
  });

  it('should write the header and one row per item when the rundown is the workshop', () => {
    const rows = parseCsv(renderCsv(buildRundown()).slice(BOM.length));

    expect(rows[0]).toEqual([...RUNDOWN_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + buildRundown().items.length);
    expect(rows[4]).toEqual([
      '2022-06-29',
      'Rabu, 29 Juni 2022',
      '08:00',
      '11:00',
      'WIB',
      'Sesi 1: Perencanaan Pengelolaan Media Sosial Pemerintah',
      'Lokakarya',
      'Praktik menyusun rencana konten bulanan.',
      'Ballroom',
      '',
      'Narasumber: Tim Grid Story Factory\nModerator: Moh Ilham A Hamudy',
    ]);
    expect(rows[5]?.slice(0, 7)).toEqual([
      '2022-06-29',
      'Rabu, 29 Juni 2022',
      '12:00',
      '13:00',
      'WIB',
      'ISHOMA',
      'ISHOMA',
    ]);
  });

  it('should keep commas, quotes and titled names intact when they are in the cells', () => {
    const title = 'Sesi "Khusus", Rakor; Pemda';
    const rundown = buildRundown({
      items: [
        buildRundownItem({
          id: 'khusus',
          from: '2022-06-28T19:00',
          title,
          holders: [
            personHolder('official', 'Dr. Drs. H. Suhajar Diantoro, M.Si', 'person-sekjen'),
          ],
        }),
      ],
    });
    const [, row] = parseCsv(renderCsv(rundown).slice(BOM.length));

    expect(row?.[5]).toBe(title);
    expect(row?.[10]).toBe('Pejabat: Dr. Drs. H. Suhajar Diantoro, M.Si');
  });

  it('should neutralise a formula when a title starts with an equals sign', () => {
    const rundown = buildRundown({
      items: [
        buildRundownItem({ id: 'jebakan', from: '2022-06-29T08:00', title: '=HYPERLINK("x")' }),
      ],
    });
    const [, row] = parseCsv(renderCsv(rundown).slice(BOM.length));

    expect(row?.[5]).toBe(`'=HYPERLINK("x")`);
  });

  it('should write local clock times and WITA when the event is in Makassar', () => {
    const [, row] = parseCsv(renderCsv(buildWitaRundown()).slice(BOM.length));

    expect(row?.slice(0, 5)).toEqual([
      '2022-07-05',
      'Selasa, 5 Juli 2022',
      '09:00',
      '10:30',
      'WITA',
    ]);
  });
});
