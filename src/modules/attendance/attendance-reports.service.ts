import { Injectable } from '@nestjs/common';
import type { RenderedAnswer } from '../../common/http/rendered-answer';
import { formatInZone, localDateOf } from '../../common/time/zoned-time';
import { formatLongDay } from '../agenda/domain/indonesian-format';
import { eventNotFound } from '../events/events.errors';
import { AttendanceError } from './attendance.errors';
import {
  AttendanceReportsRepository,
  type ReportEvent,
  type ReportFigures,
} from './attendance-reports.repository';
import {
  arrivalDay,
  arrivalsOn,
  delegationAttendance,
  eventDays,
  expectedAtSession,
  personDaysFromCounts,
  totalPersonDays,
  totalsByReportingGroup,
} from './domain/attendance';
import {
  ATTENDANCE_REPORT_MEDIA_TYPES,
  type AttendanceReportDto,
  type AttendanceReportQueryDto,
} from './dto/attendance-report.dto';
import { type AttendanceChartData, renderAttendanceChart } from './render/attendance-chart';
import { renderAttendanceReportPdf } from './render/attendance-report-pdf';

/** The report in the form asked for, with how to send it (no `Content-Disposition` for JSON). */
export type AttendanceReportOutput = RenderedAnswer<AttendanceReportDto | string | Buffer>;

/** The chart's title, above the bars. */
const CHART_TITLE = 'Kehadiran per Hari dan Delegasi';

/**
 * The attendance report of an event: person-days (OH) per day, each delegation's seats,
 * registrations and daily presence, the arrival matrix of one day with totals per reporting
 * group, and each session's expected and checked-in delegates; as JSON, as the chart (SVG), or as
 * the printable A4 report (PDF). The figures are counted in the database and put together by the
 * pure functions of `domain/attendance.ts`.
 */
@Injectable()
export class AttendanceReportsService {
  constructor(private readonly reports: AttendanceReportsRepository) {}

  /** The report as `query.format` asks (JSON by default), for the day `query.date`. */
  async attendanceReport(
    eventId: string,
    query: AttendanceReportQueryDto,
  ): Promise<AttendanceReportOutput> {
    const format = query.format ?? 'json';
    const report = await this.report(eventId, query.date);
    const contentType = ATTENDANCE_REPORT_MEDIA_TYPES[format];
    switch (format) {
      case 'json':
        return { body: report.body, contentType, disposition: null };
      case 'svg':
        return {
          body: renderAttendanceChart(chartData(report.body)),
          contentType,
          disposition: `inline; filename="${fileStem(report.event)}.svg"`,
        };
      case 'pdf':
        return {
          body: await renderAttendanceReportPdf(report.body, chartData(report.body)),
          contentType,
          disposition: `attachment; filename="${fileStem(report.event)}.pdf"`,
        };
    }
  }

  private async report(
    eventId: string,
    date: string | undefined,
  ): Promise<{ event: ReportEvent; body: AttendanceReportDto }> {
    const event = await this.reports.findEvent(eventId);
    if (!event) throw eventNotFound(eventId);
    const days = eventDays(event.startDate, event.endDate);
    const now = new Date();
    const day = arrivalDay(days, localDateOf(now, event.timeZone), date);
    if (day === null) {
      throw new AttendanceError(
        'DAY_OUTSIDE_EVENT',
        `${date} is not a day of the event, which runs from ${event.startDate} to ${event.endDate}.`,
        [{ field: 'date', message: `date must be from ${event.startDate} to ${event.endDate}` }],
      );
    }
    const figures = await this.reports.figures(eventId);
    return { event, body: toReportDto(event, days, day, figures, now) };
  }
}

/** The figures put together by the domain, in the report's shape. */
function toReportDto(
  event: ReportEvent,
  days: readonly string[],
  day: string,
  figures: ReportFigures,
  now: Date,
): AttendanceReportDto {
  const personDays = personDaysFromCounts(days, figures.dayCounts);
  const delegations = delegationAttendance(
    days,
    figures.invites,
    figures.registrations,
    figures.dayCounts,
  );
  const arrivals = arrivalsOn(day, delegations);
  const confirmed = figures.registrations.reduce((sum, line) => sum + line.registered, 0);
  return {
    eventId: event.id,
    title: event.title,
    timeZone: event.timeZone,
    generatedAt: formatInZone(now, event.timeZone),
    days: personDays.map((line) => ({
      day: line.day,
      label: formatLongDay(line.day, 'id'),
      personDays: line.personDays,
    })),
    totalPersonDays: totalPersonDays(personDays),
    delegations,
    arrivals: {
      date: day,
      label: formatLongDay(day, 'id'),
      delegations: arrivals,
      totalsByReportingGroup: totalsByReportingGroup(arrivals),
    },
    sessions: figures.sessions.map((session) => ({
      sessionId: session.id,
      title: session.title,
      day: session.day,
      startsAt: session.startsAt ? formatInZone(session.startsAt, event.timeZone) : null,
      expected: expectedAtSession(session.chosenBy, confirmed),
      checkedIn: session.checkedIn,
    })),
    chain: { length: event.chain.length, head: event.chain.head },
  };
}

/** The chart of the report: per delegation, its delegates present on each day. */
function chartData(report: AttendanceReportDto): AttendanceChartData {
  return {
    title: `${CHART_TITLE}: ${report.title}`,
    dayLabels: report.days.map((day) => day.label),
    delegations: report.delegations.map((delegation) => ({
      name: delegation.organizationName,
      present: delegation.present.map((on) => on.present),
    })),
  };
}

/** "laporan-kehadiran-rakor-kehumasan-2030". */
function fileStem(event: ReportEvent): string {
  return `laporan-kehadiran-${event.slug}`;
}
