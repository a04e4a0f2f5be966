import {
  BOLD_FONT,
  collectPdf,
  contentWidth,
  createPdfDocument,
  drawPageFooter,
  drawTitleBlock,
  MONO_FONT,
  onEveryPage,
  pageBottom,
  pageLine,
  REGULAR_FONT,
  REPORT_PAGE,
  RULE_COLOR,
  SHADE_COLOR,
  TEXT_COLOR,
} from '../../../common/pdf/pdf-pages';
import { formatLocalMinute } from '../../../common/time/zoned-time';
import { formatCount, formatLongDay } from '../../agenda/domain/indonesian-format';
import type { AttendanceReportDto } from '../dto/attendance-report.dto';
import {
  type AttendanceChartData,
  chartDayColor,
  chartScale,
  EMPTY_CHART_TEXT,
} from './attendance-chart';

type Document = PDFKit.PDFDocument;

/** The heading of every attendance report. */
export const ATTENDANCE_REPORT_HEADING = 'LAPORAN KEHADIRAN';

const CELL_PADDING = 4;
const TABLE_FONT_SIZE = 9;
const SECTION_GAP = 14;

/** The chart: a name column, then the bars of each day with their counts after them. */
const CHART_LABEL_WIDTH = 170;
const CHART_VALUE_WIDTH = 30;
const CHART_BAR_HEIGHT = 10;
const CHART_GROUP_GAP = 8;
const CHART_FONT_SIZE = 8;

/** A column of a table: its header, width in points, and how its cells are aligned. */
interface Column {
  header: string;
  width: number;
  align: 'left' | 'right';
}

/** A row of a table; totals are bold on a shaded ground. */
interface Row {
  cells: string[];
  total?: boolean;
}

/**
 * The attendance report as a printable A4 document: the heading "LAPORAN KEHADIRAN", the event
 * and its days; the person-days (OH) per day and in all, which the hotel bills; the arrivals per
 * reporting group on the report's day; the delegations with their seats, registrations and
 * delegates present each day; the sessions with the delegates expected and checked in; the
 * chart of attendance by day and delegation, drawn with pdfkit from the same data as the SVG
 * chart (so no SVG converter is needed and the text stays selectable); and the head of the
 * attendance chain, with which the figures can be checked later. Tables never split a row across
 * pages and repeat their header on a new page; every page has a footer with the event and
 * "Halaman N dari M".
 */
export async function renderAttendanceReportPdf(
  report: AttendanceReportDto,
  chart: AttendanceChartData,
): Promise<Buffer> {
  const generatedAt = new Date(report.generatedAt);
  const doc = createPdfDocument({
    title: `${ATTENDANCE_REPORT_HEADING} ${report.title}`,
    subject: ATTENDANCE_REPORT_HEADING,
    createdAt: generatedAt,
    margins: REPORT_PAGE.margins,
    bufferPages: true,
  });
  const bytes = collectPdf(doc);
  doc.fillColor(TEXT_COLOR).strokeColor(RULE_COLOR).lineWidth(0.5);
  drawTitleBlock(
    doc,
    ATTENDANCE_REPORT_HEADING,
    report.title,
    report.days.map((day) => day.label),
  );
  drawPersonDays(doc, report);
  drawGroupTotals(doc, report);
  drawDelegations(doc, report);
  drawSessions(doc, report);
  drawChart(doc, chart);
  drawChain(doc, report);
  drawFooters(doc, `${ATTENDANCE_REPORT_HEADING} · ${report.title}`);
  doc.end();
  return bytes;
}

/** OH per day and in all. */
function drawPersonDays(doc: Document, report: AttendanceReportDto): void {
  drawTable(
    doc,
    'Orang-Hari (OH)',
    [
      { header: 'Hari', width: contentWidth(doc) - 100, align: 'left' },
      { header: 'OH', width: 100, align: 'right' },
    ],
    [
      ...report.days.map((day) => ({ cells: [day.label, count(day.personDays)] })),
      { cells: ['Jumlah OH', count(report.totalPersonDays)], total: true },
    ],
  );
}

/** The arrivals of the report's day, per reporting group. */
function drawGroupTotals(doc: Document, report: AttendanceReportDto): void {
  const totals = report.arrivals.totalsByReportingGroup;
  const sum = (pick: (line: (typeof totals)[number]) => number) =>
    count(totals.reduce((total, line) => total + pick(line), 0));
  const numbers = 90;
  drawTable(
    doc,
    `Kedatangan per Kelompok, ${report.arrivals.label}`,
    [
      { header: 'Kelompok', width: contentWidth(doc) - 3 * numbers, align: 'left' },
      { header: 'Kursi Undangan', width: numbers, align: 'right' },
      { header: 'Terdaftar', width: numbers, align: 'right' },
      { header: 'Hadir', width: numbers, align: 'right' },
    ],
    [
      ...totals.map((line) => ({
        cells: [
          line.reportingGroup,
          count(line.invitedSeats),
          count(line.registered),
          count(line.arrived),
        ],
      })),
      {
        cells: [
          'Jumlah',
          sum((line) => line.invitedSeats),
          sum((line) => line.registered),
          sum((line) => line.arrived),
        ],
        total: true,
      },
    ],
  );
}

/** Per delegation: group, seats, registrations, and the delegates present each day. */
function drawDelegations(doc: Document, report: AttendanceReportDto): void {
  const fixed = [
    { header: 'No', width: 24, align: 'right' },
    { header: 'Kelompok', width: 56, align: 'left' },
    { header: 'Kursi', width: 34, align: 'right' },
    { header: 'Terdaftar', width: 52, align: 'right' },
  ] as const;
  const fixedWidth = fixed.reduce((sum, column) => sum + column.width, 0);
  const dayWidth = Math.max(
    28,
    Math.min(44, (contentWidth(doc) - fixedWidth - 150) / Math.max(1, report.days.length)),
  );
  const nameWidth = contentWidth(doc) - fixedWidth - dayWidth * report.days.length;
  const [no, group, seats, registered] = fixed;
  const columns: Column[] = [
    no,
    { header: 'Instansi', width: nameWidth, align: 'left' },
    group,
    seats,
    registered,
    ...report.days.map((day) => ({
      header: `Hadir ${shortDay(day.day)}`,
      width: dayWidth,
      align: 'right' as const,
    })),
  ];
  const lines = report.delegations;
  const total = (pick: (line: (typeof lines)[number]) => number) =>
    count(lines.reduce((sum, line) => sum + pick(line), 0));
  drawTable(doc, 'Kehadiran per Delegasi', columns, [
    ...lines.map((line, index) => ({
      cells: [
        String(index + 1),
        line.organizationName,
        line.reportingGroup,
        count(line.invitedSeats),
        count(line.registered),
        ...line.present.map((on) => count(on.present)),
      ],
    })),
    {
      cells: [
        '',
        'Jumlah',
        '',
        total((line) => line.invitedSeats),
        total((line) => line.registered),
        ...report.days.map((_, day) => total((line) => line.present[day]?.present ?? 0)),
      ],
      total: true,
    },
  ]);
}

/** Per session: its day, the delegates expected and those checked in. */
function drawSessions(doc: Document, report: AttendanceReportDto): void {
  const columns: Column[] = [
    { header: 'No', width: 24, align: 'right' },
    { header: 'Sesi', width: contentWidth(doc) - 24 - 130 - 64 - 56, align: 'left' },
    { header: 'Hari', width: 130, align: 'left' },
    { header: 'Diharapkan', width: 64, align: 'right' },
    { header: 'Hadir', width: 56, align: 'right' },
  ];
  const rows = report.sessions.map((session, index) => ({
    cells: [
      String(index + 1),
      session.title,
      session.day ? formatLongDay(session.day, 'id') : 'Belum dijadwalkan',
      count(session.expected),
      count(session.checkedIn),
    ],
  }));
  if (rows.length === 0) {
    drawSectionHeading(doc, 'Kehadiran per Sesi', lineHeight(doc));
    doc.font(REGULAR_FONT).fontSize(10).text('Belum ada sesi.', doc.page.margins.left, doc.y);
    return;
  }
  drawTable(doc, 'Kehadiran per Sesi', columns, rows);
}

/**
 * A table under its heading. The heading moves to a new page with the header and the first row
 * rather than stand alone at a page's foot; a new page repeats the header.
 */
function drawTable(doc: Document, title: string, columns: Column[], rows: Row[]): void {
  const header: Row = { cells: columns.map((column) => column.header), total: true };
  let first = true;
  for (const row of rows) {
    const needed =
      rowHeight(doc, columns, row) +
      (first ? headingHeight(doc) + rowHeight(doc, columns, header) : 0);
    if (doc.y + needed > pageBottom(doc)) {
      doc.addPage();
      if (!first) drawRow(doc, columns, header);
    }
    if (first) {
      drawSectionHeading(doc, title, 0);
      drawRow(doc, columns, header);
      first = false;
    }
    drawRow(doc, columns, row);
  }
}

function headingHeight(doc: Document): number {
  doc.font(BOLD_FONT).fontSize(11);
  return doc.currentLineHeight(true) + SECTION_GAP + 6;
}

/** A section's heading; on a new page when it would not fit with `following` points under it. */
function drawSectionHeading(doc: Document, text: string, following: number): void {
  if (doc.y + headingHeight(doc) + following > pageBottom(doc)) doc.addPage();
  if (doc.y > doc.page.margins.top) doc.y += SECTION_GAP;
  doc
    .font(BOLD_FONT)
    .fontSize(11)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.y += 6;
}

function rowHeight(doc: Document, columns: Column[], row: Row): number {
  setRowFont(doc, row);
  const heights = row.cells.map((text, index) =>
    doc.heightOfString(text === '' ? ' ' : text, { width: textWidth(columns[index]) }),
  );
  return Math.max(...heights) + 2 * CELL_PADDING;
}

function drawRow(doc: Document, columns: Column[], row: Row): void {
  const top = doc.y;
  const height = rowHeight(doc, columns, row);
  let x = doc.page.margins.left;
  row.cells.forEach((text, index) => {
    const column = columns[index];
    const width = column?.width ?? 0;
    if (row.total) doc.rect(x, top, width, height).fillAndStroke(SHADE_COLOR, RULE_COLOR);
    else doc.rect(x, top, width, height).stroke();
    setRowFont(doc, row);
    doc.fillColor(TEXT_COLOR).text(text, x + CELL_PADDING, top + CELL_PADDING, {
      width: textWidth(column),
      align: column?.align ?? 'left',
    });
    x += width;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

function setRowFont(doc: Document, row: Row): void {
  doc.font(row.total ? BOLD_FONT : REGULAR_FONT).fontSize(TABLE_FONT_SIZE);
}

function textWidth(column: Column | undefined): number {
  return (column?.width ?? 0) - 2 * CELL_PADDING;
}

/**
 * The chart of attendance by day and delegation, as `renderAttendanceChart` draws it in SVG:
 * a legend of the days in their colours, then per delegation one bar per day to a common scale,
 * each with its count. A delegation's bars stay on one page; a new page repeats the legend.
 */
function drawChart(doc: Document, chart: AttendanceChartData): void {
  const days = chart.dayLabels.length;
  const title = 'Grafik Kehadiran per Hari dan Delegasi';
  if (days === 0 || chart.delegations.length === 0) {
    drawSectionHeading(doc, title, lineHeight(doc));
    doc.font(REGULAR_FONT).fontSize(10).text(EMPTY_CHART_TEXT, doc.page.margins.left, doc.y);
    return;
  }
  const groupHeight = days * CHART_BAR_HEIGHT + CHART_GROUP_GAP;
  drawSectionHeading(doc, title, legendHeight(doc, chart) + groupHeight);
  drawLegend(doc, chart);
  const scale = chartScale(chart);
  const left = doc.page.margins.left;
  const barArea = contentWidth(doc) - CHART_LABEL_WIDTH - CHART_VALUE_WIDTH;
  for (const delegation of chart.delegations) {
    if (doc.y + groupHeight > pageBottom(doc)) {
      doc.addPage();
      drawLegend(doc, chart);
    }
    const top = doc.y;
    doc.font(REGULAR_FONT).fontSize(CHART_FONT_SIZE).fillColor(TEXT_COLOR);
    const labelHeight = Math.min(
      doc.heightOfString(delegation.name, { width: CHART_LABEL_WIDTH - 8 }),
      days * CHART_BAR_HEIGHT,
    );
    doc.text(delegation.name, left, top + (days * CHART_BAR_HEIGHT - labelHeight) / 2, {
      width: CHART_LABEL_WIDTH - 8,
      height: days * CHART_BAR_HEIGHT,
      ellipsis: true,
    });
    for (let day = 0; day < days; day += 1) {
      const value = Math.max(0, delegation.present[day] ?? 0);
      const y = top + day * CHART_BAR_HEIGHT;
      const width = (value / scale) * barArea;
      const x = left + CHART_LABEL_WIDTH;
      if (width > 0) doc.rect(x, y + 1, width, CHART_BAR_HEIGHT - 2).fill(chartDayColor(day));
      doc
        .fillColor(TEXT_COLOR)
        .font(REGULAR_FONT)
        .fontSize(CHART_FONT_SIZE - 1)
        .text(count(value), x + width + 3, y + 1.5, { lineBreak: false });
    }
    doc.x = left;
    doc.y = top + groupHeight;
  }
}

/** The days in their colours, three to a line. */
const LEGEND_PER_LINE = 3;

function legendHeight(doc: Document, chart: AttendanceChartData): number {
  doc.font(REGULAR_FONT).fontSize(CHART_FONT_SIZE);
  const lines = Math.ceil(chart.dayLabels.length / LEGEND_PER_LINE);
  return lines * (doc.currentLineHeight(true) + 4) + 6;
}

function drawLegend(doc: Document, chart: AttendanceChartData): void {
  const left = doc.page.margins.left;
  const step = contentWidth(doc) / LEGEND_PER_LINE;
  const top = doc.y;
  doc.font(REGULAR_FONT).fontSize(CHART_FONT_SIZE);
  const line = doc.currentLineHeight(true) + 4;
  chart.dayLabels.forEach((label, day) => {
    const x = left + (day % LEGEND_PER_LINE) * step;
    const y = top + Math.floor(day / LEGEND_PER_LINE) * line;
    doc.rect(x, y, 8, 8).fill(chartDayColor(day));
    doc
      .fillColor(TEXT_COLOR)
      .text(label, x + 12, y, { width: step - 16, lineBreak: false, ellipsis: true });
  });
  doc.x = left;
  doc.y = top + legendHeight(doc, chart);
}

/** The chain head the figures were read at, to check later that no entry was edited since. */
function drawChain(doc: Document, report: AttendanceReportDto): void {
  drawSectionHeading(doc, 'Rantai Kehadiran', 3 * lineHeight(doc));
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  doc
    .font(REGULAR_FONT)
    .fontSize(9)
    .text(
      `Angka di atas dibaca pada ${formatLocalMinute(new Date(report.generatedAt), report.timeZone)}, dari ${count(report.chain.length)} catatan kehadiran. Kepala rantai:`,
      left,
      doc.y,
      { width },
    );
  doc.moveDown(0.3).font(MONO_FONT).fontSize(8.5).text(report.chain.head, left, doc.y, { width });
}

/**
 * The footer of every page, written once all pages exist: what the report is on the left, cut to
 * leave room for "Halaman N dari M" on the right.
 */
function drawFooters(doc: Document, label: string): void {
  onEveryPage(doc, (page, pages) => {
    doc.strokeColor(RULE_COLOR);
    drawPageFooter(doc, {
      offset: REPORT_PAGE.footerOffset,
      label,
      page: pageLine(page, pages),
      pageRoom: 90,
    });
  });
}

/** "28/06" for a day column's header. */
function shortDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}`;
}

function count(value: number): string {
  return formatCount(value, 'id');
}

function lineHeight(doc: Document): number {
  return doc.font(REGULAR_FONT).fontSize(10).currentLineHeight(true);
}
