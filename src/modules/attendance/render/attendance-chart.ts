import { escapeMarkup } from '../../../common/text/markup';
/** The numbers behind the chart: the days, and per delegation the people present each day. */
export interface AttendanceChartData {
  title: string;
  /** The days in order, as people read them: "Rabu, 29 Juni 2022". */
  dayLabels: string[];
  /** One per delegation, in the order they are drawn; `present[i]` is the count on day i. */
  delegations: { name: string; present: number[] }[];
}

/** Points. The width suits an A4 report page; the height grows with the delegations. */
const WIDTH = 720;
const PADDING = 16;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 40;
const BAR_HEIGHT = 12;
const GROUP_GAP = 10;
const TITLE_HEIGHT = 28;
const LEGEND_HEIGHT = 22;
const FONT = 'Helvetica, Arial, sans-serif';
/** About the mean width of a character at 11 points Helvetica: enough to tell what needs squeezing. */
const CHARACTER_WIDTH = 6;
/** One colour per day, told apart in greyscale print too; days beyond the sixth reuse them. */
const DAY_COLORS = ['#1f4e79', '#c55a11', '#548235', '#7f6000', '#7030a0', '#404040'] as const;

/** Said when there is nothing to draw, rather than an empty frame. */
export const EMPTY_CHART_TEXT = 'Belum ada data kehadiran.';

/**
 * Attendance by day and delegation as an SVG picture for the report: per delegation a group of
 * horizontal bars, one per day in the day's colour, each with its count, under a title and a
 * legend of the days. Horizontal, because delegation names are long and there may be dozens of
 * them; the picture grows downwards instead of squeezing the names. Bars share one scale, the
 * largest count spanning the bar area. All text is escaped; the SVG has a title for screen
 * readers and no scripts or external assets.
 */
export function renderAttendanceChart(data: AttendanceChartData): string {
  const days = data.dayLabels.length;
  const groupHeight = days * BAR_HEIGHT + GROUP_GAP;
  const top = PADDING + TITLE_HEIGHT + LEGEND_HEIGHT;
  const empty = days === 0 || data.delegations.length === 0;
  const height =
    top + (empty ? groupHeight + BAR_HEIGHT : data.delegations.length * groupHeight) + PADDING;
  const largest = chartScale(data);
  const barArea = WIDTH - 2 * PADDING - LABEL_WIDTH - VALUE_WIDTH;
  const title = escapeMarkup(data.title);
  const body = empty
    ? [text(PADDING, top + BAR_HEIGHT, EMPTY_CHART_TEXT)]
    : data.delegations.flatMap((delegation, index) => {
        const y = top + index * groupHeight;
        return [
          text(PADDING, y + (days * BAR_HEIGHT) / 2 + 4, delegation.name, LABEL_WIDTH - 8),
          ...data.dayLabels.map((_, day) =>
            bar(y + day * BAR_HEIGHT, delegation.present[day] ?? 0, largest, barArea, day),
          ),
        ];
      });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="chart-title" font-family="${FONT}" font-size="11">`,
    `<title id="chart-title">${title}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PADDING}" y="${PADDING + 14}" font-size="14" font-weight="bold" fill="#111111">${title}</text>`,
    ...legend(data.dayLabels, PADDING + TITLE_HEIGHT + 10),
    ...body,
    '</svg>',
  ].join('\n');
}

/** The days with their colours, in one row above the bars. */
function legend(dayLabels: readonly string[], y: number): string[] {
  const step = (WIDTH - 2 * PADDING) / Math.max(1, dayLabels.length);
  return dayLabels.flatMap((label, day) => {
    const x = PADDING + day * step;
    return [
      `<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${colorOf(day)}"/>`,
      text(x + 14, y, label, step - 18),
    ];
  });
}

/** One day's bar with its count after it; a zero is a count without a bar. */
function bar(y: number, count: number, largest: number, area: number, day: number): string {
  const x = PADDING + LABEL_WIDTH;
  const width = round((Math.max(0, count) / largest) * area);
  return [
    `<rect x="${x}" y="${y + 1}" width="${width}" height="${BAR_HEIGHT - 2}" fill="${colorOf(day)}"/>`,
    text(x + width + 4, y + BAR_HEIGHT - 2, String(count)),
  ].join('');
}

/**
 * A line of text. Given a width, text that would run past it (over the bars, or into the next
 * legend entry) is squeezed to fit by the viewer rather than cut, so long names stay whole.
 */
function text(x: number, y: number, content: string, maxWidth?: number): string {
  const squeeze =
    maxWidth !== undefined && content.length * CHARACTER_WIDTH > maxWidth
      ? ` textLength="${round(maxWidth)}" lengthAdjust="spacingAndGlyphs"`
      : '';
  return `<text x="${round(x)}" y="${round(y)}" fill="#111111"${squeeze}>${escapeMarkup(content)}</text>`;
}

/**
 * The colour of a day's bars and legend entry, by the day's index: exported so that a report
 * drawing the chart by other means (the PDF) keeps the same colours.
 */
export function chartDayColor(day: number): string {
  return DAY_COLORS[day % DAY_COLORS.length] ?? DAY_COLORS[0];
}

/** The count the full bar width stands for: the largest count, at least 1. */
export function chartScale(data: AttendanceChartData): number {
  return Math.max(1, ...data.delegations.flatMap((delegation) => delegation.present));
}

const colorOf = chartDayColor;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
