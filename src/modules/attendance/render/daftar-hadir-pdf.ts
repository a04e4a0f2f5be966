import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  BOLD_FONT,
  contentWidth,
  createPdfDocument,
  drawPageFooter,
  pageBottom,
  REGULAR_FONT,
  RULE_COLOR,
  SHADE_COLOR,
  TEXT_COLOR,
} from '../../../common/pdf/pdf-pages';
import {
  DAFTAR_HADIR_COLUMNS,
  DAFTAR_HADIR_HEADING,
  type DaftarHadirHeader,
  type DaftarHadirRow,
  headerLines,
  rowCells,
} from './daftar-hadir';
import { keepPace, yieldToEventLoop } from './stream-pace';

type Document = PDFKit.PDFDocument;

/**
 * Points; A4 landscape is 842 × 595. Landscape, because nine columns with a name, a position and
 * an organization do not fit the 523 points of a portrait page without most names wrapping.
 */
const MARGINS = { top: 36, bottom: 48, left: 36, right: 36 };
const FOOTER_OFFSET = 34;
/**
 * No, Nama, NIP, Jabatan, Instansi, Telepon, Jam Hadir, Status, Tanda Tangan: together the 770
 * points between the side margins. NIP fits its 18 digits and Status "Tidak Hadir" one line;
 * Tanda Tangan is about 3 cm.
 */
const COLUMN_WIDTHS = [26, 132, 100, 115, 125, 78, 44, 60, 90] as const;
const CELL_PADDING = 4;
const FONT_SIZE = 9;
/** About 9 mm, room for a signature even when the row's text is one line. */
const MIN_ROW_HEIGHT = 26;
/** Longer text is cut with an ellipsis, so that a runaway position cannot take half a page. */
const MAX_LINES = 3;

/**
 * Streams the daftar hadir as an A4 landscape PDF into `output`, to be printed and signed: the
 * heading "DAFTAR HADIR" with the event, the day, the venue and the scope; then the table (No,
 * Nama, NIP, Jabatan, Instansi, Telepon, Jam Hadir, Status, and an empty Tanda Tangan column
 * wide and tall enough to sign in), whose header repeats on each page under a running line with
 * the event and the day, so that a loose sheet still says what it lists.
 *
 * Every page is written out as soon as the next one starts, the event loop gets a turn between
 * pages (the flushed page reaches the output then) and the output's back-pressure is respected,
 * so memory stays flat at 100,000 rows. That is why the footer reads "Halaman N"
 * without "dari M": the total is known only after the last row, and writing it would mean
 * keeping every page in memory (pdfkit's `bufferPages`) or reading the rows twice. Resolves once
 * the output has finished; on failure the output is left to the caller to destroy.
 */
export async function writeDaftarHadirPdf(
  header: DaftarHadirHeader,
  rows: AsyncIterable<DaftarHadirRow>,
  output: Writable,
): Promise<void> {
  const doc = createPdfDocument({
    title: `${DAFTAR_HADIR_HEADING} ${header.eventTitle} ${header.dayLabel}`,
    subject: DAFTAR_HADIR_HEADING,
    layout: 'landscape',
    margins: MARGINS,
    autoFirstPage: false,
  });
  doc.pipe(output);
  try {
    await writePages(doc, header, rows, output);
  } catch (error) {
    doc.unpipe(output);
    throw error;
  }
  doc.end();
  await finished(output);
}

async function writePages(
  doc: Document,
  header: DaftarHadirHeader,
  rows: AsyncIterable<DaftarHadirRow>,
  output: Writable,
): Promise<void> {
  let page = 1;
  startPage(doc, header, page);
  drawHeader(doc, header);
  drawTableHeader(doc);
  for await (const row of rows) {
    const layout = layOut(doc, rowCells(row), REGULAR_FONT);
    if (doc.y + layout.height > pageBottom(doc)) {
      page += 1;
      startPage(doc, header, page);
      drawRunningHead(doc, header);
      drawTableHeader(doc);
      await yieldToEventLoop();
    }
    drawRow(doc, layout, false);
    await keepPace(output);
  }
}

/** A new page with its footer, written now because the page is flushed once the next begins. */
function startPage(doc: Document, header: DaftarHadirHeader, page: number): void {
  doc.addPage();
  doc.fillColor(TEXT_COLOR).strokeColor(RULE_COLOR).lineWidth(0.5);
  const scope = header.scopeLabel ? ` · ${header.scopeLabel}` : '';
  drawPageFooter(doc, {
    offset: FOOTER_OFFSET,
    label: `${header.dayLabel}${scope}`,
    page: `Halaman ${page}`,
  });
  doc.x = doc.page.margins.left;
  doc.y = doc.page.margins.top;
}

/** The first page's heading: "DAFTAR HADIR", the event in bold, then the day, venue and scope. */
function drawHeader(doc: Document, header: DaftarHadirHeader): void {
  const width = contentWidth(doc);
  const [title, ...rest] = headerLines(header);
  doc.font(BOLD_FONT).fontSize(14).text(DAFTAR_HADIR_HEADING, { align: 'center', width });
  doc
    .moveDown(0.2)
    .fontSize(12)
    .text(title ?? '', { align: 'center', width });
  doc.moveDown(0.2).font(REGULAR_FONT).fontSize(10);
  for (const line of rest) doc.text(line, { align: 'center', width });
  doc.moveDown(0.8);
}

/** On later pages: what the list is, in one line above the repeated table header. */
function drawRunningHead(doc: Document, header: DaftarHadirHeader): void {
  doc
    .font(BOLD_FONT)
    .fontSize(9)
    .text(`${DAFTAR_HADIR_HEADING} · ${header.eventTitle} · ${header.dayLabel}`, {
      width: contentWidth(doc),
      lineBreak: false,
      ellipsis: true,
    });
  doc.moveDown(0.6);
}

function drawTableHeader(doc: Document): void {
  drawRow(doc, layOut(doc, [...DAFTAR_HADIR_COLUMNS], BOLD_FONT), true);
}

/** A row's cells with the height of each one's text, measured once since measuring is costly. */
interface RowLayout {
  cells: readonly string[];
  textHeights: number[];
  /** The tallest text with padding, but at least room to sign. */
  height: number;
}

function layOut(doc: Document, cells: readonly string[], font: string): RowLayout {
  doc.font(font).fontSize(FONT_SIZE);
  const textHeights = cells.map((text, column) => textHeight(doc, text, column));
  return {
    cells,
    textHeights,
    height: Math.max(Math.max(...textHeights) + 2 * CELL_PADDING, MIN_ROW_HEIGHT),
  };
}

/** The height of a cell's text in the current font, at most `MAX_LINES` lines. */
function textHeight(doc: Document, text: string, column: number): number {
  const line = doc.currentLineHeight(true);
  const width = textWidth(column);
  if (doc.widthOfString(text) <= width) return line;
  return Math.min(doc.heightOfString(text, { width }), MAX_LINES * line);
}

/**
 * Draws the row at the current position, each cell's text centred vertically, and moves below.
 * Text that fits one line is written without pdfkit's line wrapper, which would measure it again.
 */
function drawRow(doc: Document, row: RowLayout, shaded: boolean): void {
  const top = doc.y;
  const line = doc
    .font(shaded ? BOLD_FONT : REGULAR_FONT)
    .fontSize(FONT_SIZE)
    .currentLineHeight(true);
  let x = doc.page.margins.left;
  row.cells.forEach((text, column) => {
    const width = COLUMN_WIDTHS[column] ?? 0;
    const used = row.textHeights[column] ?? line;
    if (shaded) doc.rect(x, top, width, row.height).fillAndStroke(SHADE_COLOR, RULE_COLOR);
    else doc.rect(x, top, width, row.height).stroke();
    doc.fillColor(TEXT_COLOR);
    const y = top + (row.height - used) / 2;
    if (text !== '' && used === line) {
      doc.text(text, x + CELL_PADDING, y, { lineBreak: false });
    } else if (text !== '') {
      doc.text(text, x + CELL_PADDING, y, {
        width: textWidth(column),
        height: used,
        ellipsis: true,
      });
    }
    x += width;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + row.height;
}

function textWidth(column: number): number {
  return (COLUMN_WIDTHS[column] ?? 0) - 2 * CELL_PADDING;
}
