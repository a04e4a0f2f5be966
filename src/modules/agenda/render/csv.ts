import { stringify } from 'csv-stringify/sync';
import { neutralizeFormula } from '../../../common/text/spreadsheet';
import { formatClock, formatLongDay, zoneLabel } from '../domain/indonesian-format';
import type { Rundown, RundownItem } from './rundown';
import { holderLines, sessionTypeLabel } from './rundown-text';

/** The columns of the rundown spreadsheet, in order. */
export const RUNDOWN_CSV_COLUMNS = [
  'Tanggal',
  'Hari',
  'Mulai',
  'Selesai',
  'Zona',
  'Acara',
  'Jenis',
  'Deskripsi',
  'Ruang',
  'Jalur',
  'Keterangan',
] as const;

/**
 * The rundown as a spreadsheet, one row per item in the rundown's order:
 * - Tanggal `2022-06-29` and Hari `Rabu, 29 Juni 2022`, the item's local day;
 * - Mulai and Selesai as `08:00` and `11:00` in the event's zone, with a colon, which spreadsheets
 *   in every locale read as a time (Indonesian `08.00` would become the number 8), and Zona `WIB`;
 * - Acara, Jenis (`Lokakarya`, `ISHOMA`), Deskripsi, Ruang and Jalur (track), empty when unknown;
 * - Keterangan, the role holders as the printed rundown lists them, one role per line inside the
 *   cell: "Narasumber: Tim Grid Story Factory", line break, "Moderator: Moh Ilham A Hamudy".
 *
 * UTF-8 with a byte-order mark so that Excel reads the accents, CRLF between records (RFC 4180),
 * and every cell neutralised against formulas.
 */
export function renderCsv(rundown: Rundown): string {
  return stringify(
    rundown.items.map((item) => csvRow(item, rundown.event.timeZone).map(neutralizeFormula)),
    { bom: true, header: true, columns: [...RUNDOWN_CSV_COLUMNS], record_delimiter: 'windows' },
  );
}

function csvRow(item: RundownItem, timeZone: string): string[] {
  return [
    item.day,
    formatLongDay(item.day, 'id'),
    formatClock(item.start, timeZone, 'en'),
    formatClock(item.end, timeZone, 'en'),
    zoneLabel(timeZone, item.start),
    item.title,
    sessionTypeLabel(item.type),
    item.description ?? '',
    item.roomName ?? '',
    item.track ?? '',
    holderLines(item.holders).join('\n'),
  ];
}
