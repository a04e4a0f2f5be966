import { formatTimeRange } from '../domain/indonesian-format';
import {
  BOLD_FONT,
  collectPdf,
  contentWidth,
  createPdfDocument,
  drawPageFooter,
  drawTitleBlock,
  onEveryPage,
  pageBottom,
  pageLine,
  REGULAR_FONT,
  REPORT_PAGE,
  RULE_COLOR,
  SHADE_COLOR,
  TEXT_COLOR,
} from '../../../common/pdf/pdf-pages';
import type { Rundown, RundownItem } from './rundown';
import {
  documentTitle,
  EMPTY_RUNDOWN_TEXT,
  headerLines,
  isBreak,
  itemNotes,
  RUNDOWN_COLUMNS,
  RUNDOWN_HEADING,
  type RundownDay,
  rundownDays,
  versionLine,
} from './rundown-text';

type Document = PDFKit.PDFDocument;

/** One paragraph of a table cell. */
interface Paragraph {
  text: string;
  bold?: boolean;
}

/** A table row: one list of paragraphs per column, Waktu, Acara, Keterangan. */
interface Row {
  cells: Paragraph[][];
  /** Header rows and breaks (ISHOMA, coffee) are shaded. */
  shaded: boolean;
}

/** Waktu, Acara, Keterangan: together the 495 points between the side margins. */
const COLUMN_WIDTHS = [92, 228, 175] as const;
const CELL_PADDING = 5;
const PARAGRAPH_GAP = 3;
const TABLE_FONT_SIZE = 9.5;

/**
 * The rundown as a printable A4 "Susunan Acara": the heading, the event, its days, venue and
 * organizer; then per day a heading and a table (Waktu, Acara, Keterangan) whose rows never split
 * across pages and whose header repeats on each new page; on every page a footer saying which
 * version it is and "Halaman N dari M". The creation date is the rundown's `asOf`, so the same
 * rundown gives the same bytes.
 */
export async function renderPdf(rundown: Rundown): Promise<Buffer> {
  const asOf = new Date(rundown.asOf);
  const doc = createPdfDocument({
    title: documentTitle(rundown),
    subject: RUNDOWN_HEADING,
    createdAt: asOf,
    margins: REPORT_PAGE.margins,
    bufferPages: true,
  });
  const bytes = collectPdf(doc);
  doc.fillColor(TEXT_COLOR).strokeColor(RULE_COLOR).lineWidth(0.5);
  drawTitleBlock(doc, RUNDOWN_HEADING, rundown.event.title, headerLines(rundown));
  const days = rundownDays(rundown);
  if (days.length === 0) doc.font(REGULAR_FONT).fontSize(10).text(EMPTY_RUNDOWN_TEXT);
  const notesOf = itemNotes(rundown);
  for (const day of days) {
    drawDay(doc, day, (item) => itemRow(item, rundown.event.timeZone, notesOf(item)));
  }
  drawFooters(doc, versionLine(rundown));
  doc.end();
  return bytes;
}

/**
 * One day: its heading, the table header and the items. The heading moves to a new page with the
 * first row rather than stand alone at a page's foot; a page break inside the day repeats the
 * heading ("(lanjutan)") and the table header.
 */
function drawDay(doc: Document, day: RundownDay, rowOf: (item: RundownItem) => Row): void {
  const header = headerRow();
  let first = true;
  for (const item of day.items) {
    const row = rowOf(item);
    const needed =
      rowHeight(doc, row) + (first ? dayHeadingHeight(doc) + rowHeight(doc, header) : 0);
    if (doc.y + needed > pageBottom(doc)) {
      doc.addPage();
      if (!first) {
        drawDayHeading(doc, `${day.label} (lanjutan)`);
        drawRow(doc, header);
      }
    }
    if (first) {
      drawDayHeading(doc, day.label);
      drawRow(doc, header);
      first = false;
    }
    drawRow(doc, row);
  }
}

function dayHeadingHeight(doc: Document): number {
  doc.font(BOLD_FONT).fontSize(11);
  return doc.currentLineHeight(true) + 14;
}

function drawDayHeading(doc: Document, text: string): void {
  doc.y += 8;
  doc
    .font(BOLD_FONT)
    .fontSize(11)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.y += 6;
}

function headerRow(): Row {
  return {
    cells: [RUNDOWN_COLUMNS.time, RUNDOWN_COLUMNS.item, RUNDOWN_COLUMNS.notes].map((text) => [
      { text, bold: true },
    ]),
    shaded: true,
  };
}

function itemRow(item: RundownItem, timeZone: string, notes: string[]): Row {
  const description = item.description ? [{ text: item.description }] : [];
  return {
    cells: [
      [{ text: formatTimeRange(item.start, item.end, timeZone, 'id') }],
      [{ text: item.title, bold: true }, ...description],
      notes.map((text) => ({ text })),
    ],
    shaded: isBreak(item),
  };
}

/** The row's height: its tallest cell, but never more than an empty page can hold. */
function rowHeight(doc: Document, row: Row): number {
  const tallest = Math.max(
    ...row.cells.map((cell, column) => cellTextHeight(doc, cell, COLUMN_WIDTHS[column] ?? 0)),
  );
  return Math.min(tallest + 2 * CELL_PADDING, maxRowHeight(doc));
}

function cellTextHeight(doc: Document, cell: Paragraph[], width: number): number {
  const textWidth = width - 2 * CELL_PADDING;
  return cell.reduce((height, paragraph, index) => {
    setCellFont(doc, paragraph);
    const gap = index > 0 ? PARAGRAPH_GAP : 0;
    return height + gap + doc.heightOfString(paragraph.text, { width: textWidth });
  }, 0);
}

/** What is left of a fresh page under a continued day heading and the table header. */
function maxRowHeight(doc: Document): number {
  const header = headerRow().cells[0] ?? [];
  const headerHeight = cellTextHeight(doc, header, COLUMN_WIDTHS[0]) + 2 * CELL_PADDING;
  return pageBottom(doc) - doc.page.margins.top - dayHeadingHeight(doc) - headerHeight;
}

/**
 * Draws the row at the current position and moves below it. Text that would overflow a row
 * clamped to a page's height ends with an ellipsis.
 */
function drawRow(doc: Document, row: Row): void {
  const top = doc.y;
  const height = rowHeight(doc, row);
  let x = doc.page.margins.left;
  row.cells.forEach((cell, column) => {
    const width = COLUMN_WIDTHS[column] ?? 0;
    if (row.shaded) doc.rect(x, top, width, height).fillAndStroke(SHADE_COLOR, RULE_COLOR);
    else doc.rect(x, top, width, height).stroke();
    doc.fillColor(TEXT_COLOR);
    drawCellText(doc, cell, x, top, width, height);
    x += width;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

function drawCellText(
  doc: Document,
  cell: Paragraph[],
  x: number,
  top: number,
  width: number,
  height: number,
): void {
  const textWidth = width - 2 * CELL_PADDING;
  const limit = top + height - CELL_PADDING;
  let y = top + CELL_PADDING;
  for (const paragraph of cell) {
    setCellFont(doc, paragraph);
    if (limit - y < doc.currentLineHeight(true)) break;
    doc.text(paragraph.text, x + CELL_PADDING, y, {
      width: textWidth,
      height: limit - y,
      ellipsis: true,
    });
    y = doc.y + PARAGRAPH_GAP;
  }
}

function setCellFont(doc: Document, paragraph: Paragraph): void {
  doc.font(paragraph.bold ? BOLD_FONT : REGULAR_FONT).fontSize(TABLE_FONT_SIZE);
}

/** Every page's footer, written once all pages exist: the version line and "Halaman N dari M". */
function drawFooters(doc: Document, version: string): void {
  onEveryPage(doc, (page, pages) => {
    drawPageFooter(doc, {
      offset: REPORT_PAGE.footerOffset,
      label: version,
      page: pageLine(page, pages),
    });
  });
}
