import { applyDecorators, Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AnyStaff } from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { sendRendered } from '../../common/http/rendered-answer';
import { AttendanceReportsService } from './attendance-reports.service';
import {
  ATTENDANCE_REPORT_MEDIA_TYPES,
  AttendanceReportDto,
  AttendanceReportQueryDto,
} from './dto/attendance-report.dto';

/** Attendance statistics of an event, for organizers and the hotel's invoice. */
@ApiTags(ApiTag.Attendance)
@Controller('events/:eventId/reports/attendance')
export class AttendanceReportsController {
  constructor(private readonly reports: AttendanceReportsService) {}

  /**
   * The attendance report: person-days (OH) per day and in all, per delegation and reporting
   * group, per session; as JSON, as a chart (SVG) or as an A4 PDF.
   *
   * @remarks OH counts the delegates present each day (`hadir`, or `diwakili`: a representative
   * sits and eats like the delegate), once however many sessions they attended; only confirmed
   * registrations count. Per delegation: the seats invited, the confirmed registrations and the
   * delegates present on every day, and the arrival matrix of `date` ("which delegations have
   * arrived today") with totals per reporting group (K/L, Pemda, Lainnya). Per session: the
   * delegates expected (those who chose it, when any did, else all confirmed) and those checked
   * in. With the attendance chain's head, to verify later that the records were not edited.
   * `format=svg` gives the chart of attendance by day and delegation; `format=pdf` the printable
   * report (LAPORAN KEHADIRAN) as a download. 422 DAY_OUTSIDE_EVENT for a `date` outside the
   * event.
   */
  @Get()
  @AnyStaff()
  @ApiAttendanceReportOutput()
  @ApiProblems(400, 404, 422)
  async getAttendanceReport(
    @UuidParam('eventId') eventId: string,
    @Query() query: AttendanceReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttendanceReportDto | string | Buffer> {
    return sendRendered(reply, await this.reports.attendanceReport(eventId, query));
  }
}

/** The report's forms in the OpenAPI document: one response, three media types. */
function ApiAttendanceReportOutput(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(AttendanceReportDto),
    ApiProduces(...Object.values(ATTENDANCE_REPORT_MEDIA_TYPES)),
    ApiOkResponse({
      description: 'The report, in the format asked for.',
      content: {
        [ATTENDANCE_REPORT_MEDIA_TYPES.json]: {
          schema: { $ref: getSchemaPath(AttendanceReportDto) },
        },
        [ATTENDANCE_REPORT_MEDIA_TYPES.svg]: {
          schema: { type: 'string', description: 'The chart of attendance by day and delegation' },
        },
        [ATTENDANCE_REPORT_MEDIA_TYPES.pdf]: { schema: { type: 'string', format: 'binary' } },
      },
    }),
  );
}
