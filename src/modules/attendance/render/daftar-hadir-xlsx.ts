import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralizeFormula, neutralizePhone } from '../../../common/text/spreadsheet';
import {
  DAFTAR_HADIR_COLUMNS,
  DAFTAR_HADIR_HEADING,
  type DaftarHadirHeader,
  type DaftarHadirRow,
  headerLines,
  rowCells,
} from './daftar-hadir';
import { keepPace, type LegacyWritable, yieldToEventLoop } from './stream-pace';

/** Characters wide, per column; the signature column is wide and rows tall enough to sign on paper. */
const COLUMN_WIDTHS = [5, 32, 21, 26, 30, 16, 10, 12, 22] as const;
const ROW_HEIGHT = 24;
/** Rows between yields to the event loop, so that a 100,000-row export does not block others. */
const ROWS_PER_YIELD = 10_000;
/** Rows between waits for the zip to take the sheet's XML so far (`sheetZipInput`). */
const ROWS_PER_ZIP_CHECK = 200;
const PHONE_COLUMN = DAFTAR_HADIR_COLUMNS.indexOf('Telepon');
const THIN = { style: 'thin' } as const;
/** One style object for every table cell, which exceljs then registers once. */
const TABLE_CELL_STYLE: Partial<ExcelJS.Style> = {
  border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
  alignment: { vertical: 'middle', wrapText: true },
};

/**
 * Streams the daftar hadir as an XLSX workbook into `output`: the heading and the header lines,
 * a blank row, then the table (No, Nama, NIP, Jabatan, Instansi, Telepon, Jam Hadir, Status, and
 * an empty Tanda Tangan column), one row per row read. Each row is committed as soon as it is
 * written, the output's back-pressure is respected and the event loop gets a turn every 10,000
 * rows, so memory stays flat whatever the length. Text cells go through `neutralizeFormula`; No
 * is a number. Printed, the sheet is A4 landscape, one page wide, with the table header repeated
 * on each page. Resolves once the workbook is complete; on failure the output is left to the
 * caller to destroy.
 */
export async function writeDaftarHadirXlsx(
  header: DaftarHadirHeader,
  rows: AsyncIterable<DaftarHadirRow>,
  output: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = 'Rakor';
  const lines = [DAFTAR_HADIR_HEADING, ...headerLines(header)];
  const tableHeaderRow = lines.length + 2;
  const sheet = workbook.addWorksheet('Daftar Hadir', {
    views: [{ state: 'frozen', ySplit: tableHeaderRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${tableHeaderRow}:${tableHeaderRow}`,
    },
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));

  lines.forEach((line, index) => {
    const row = sheet.addRow([neutralizeFormula(line)]);
    row.font = { bold: index < 2, size: index === 0 ? 14 : 11 };
    row.commit();
  });
  sheet.addRow([]).commit();
  const tableHeader = sheet.addRow([...DAFTAR_HADIR_COLUMNS]);
  styleTableRow(tableHeader, { bold: true });
  tableHeader.commit();

  let written = 0;
  for await (const row of rows) {
    const line = sheet.addRow(tableCells(row));
    styleTableRow(line);
    line.commit();
    written += 1;
    if (written % ROWS_PER_YIELD === 0) await yieldToEventLoop();
    await keepPace(output);
    if (written % ROWS_PER_ZIP_CHECK === 0) await keepPace(output, sheetZipInput(sheet));
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * The row as cell values: No as a number, empty text as an empty cell, and the rest through
 * `neutralizeFormula`, except a phone in the form `normalizePhone` and `maskPhone` give
 * (`+62********890`): it is a string cell, which spreadsheets do not evaluate, and cannot run as a
 * formula anyway, so an apostrophe would only spoil every number on the list (`neutralizePhone`,
 * which the CSV export applies in SQL too).
 */
function tableCells(row: DaftarHadirRow): (number | string | null)[] {
  const cells = rowCells(row).map((text, column) => {
    if (text === '') return null;
    return column === PHONE_COLUMN ? neutralizePhone(text) : neutralizeFormula(text);
  });
  return [row.no, ...cells.slice(1)];
}

/** A table row: tall enough to sign in, ruled, its text wrapped and centred vertically. */
function styleTableRow(row: ExcelJS.Row, font?: Partial<ExcelJS.Font>): void {
  row.height = ROW_HEIGHT;
  const style = font ? { ...TABLE_CELL_STYLE, font } : TABLE_CELL_STYLE;
  for (let column = 1; column <= DAFTAR_HADIR_COLUMNS.length; column += 1) {
    row.getCell(column).style = style;
  }
}

/**
 * The stream the sheet's XML waits in until the zip compresses it. exceljs writes into it without
 * ever waiting (its sheet stream ignores back-pressure), so rows produced faster than deflate
 * takes them pile up there: 50 MB for 100,000 rows, growing with the list. Reaching it means
 * reading exceljs's internals (the sheet stream's first pipe, a readable-stream 2 PassThrough
 * that archiver reads); the spec checks that it is still there, so that an exceljs upgrade that
 * moves it fails a test instead of letting memory grow unnoticed. Until archiver starts on the
 * sheet there is no pipe yet, and nothing to wait for.
 */
export function sheetZipInput(sheet: ExcelJS.Worksheet): LegacyWritable | undefined {
  return (sheet as unknown as { stream?: { pipes?: LegacyWritable[] } }).stream?.pipes?.[0];
}
