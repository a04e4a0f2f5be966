import { pdfPageTexts } from '../../../../test/support/pdf-text';
import type { AttendanceReportDto, DelegationAttendanceDto } from '../dto/attendance-report.dto';
import { type AttendanceChartData, EMPTY_CHART_TEXT } from './attendance-chart';
import { ATTENDANCE_REPORT_HEADING, renderAttendanceReportPdf } from './attendance-report-pdf';

const DAYS = ['2022-06-28', '2022-06-29', '2022-06-30'];
const LABELS = ['Selasa, 28 Juni 2022', 'Rabu, 29 Juni 2022', 'Kamis, 30 Juni 2022'];
const HEAD = 'ab12'.repeat(16);

function buildDelegation(
  overrides: Partial<DelegationAttendanceDto> = {},
): DelegationAttendanceDto {
  return {
    organizationId: '00000000-0000-4000-8000-000000000001',
    organizationName: 'Kementerian Dalam Negeri',
    reportingGroup: 'K/L',
    invitedSeats: 4,
    registered: 3,
    present: DAYS.map((day, index) => ({ day, present: index + 1 })),
    ...overrides,
  };
}

function buildReport(overrides: Partial<AttendanceReportDto> = {}): AttendanceReportDto {
  const delegations = overrides.delegations ?? [
    buildDelegation(),
    buildDelegation({
      organizationId: '00000000-0000-4000-8000-000000000002',
      organizationName: 'Pemerintah Kota Bandung',
      reportingGroup: 'Pemda',
      invitedSeats: 2,
      registered: 2,
      present: DAYS.map((day) => ({ day, present: 2 })),
    }),
  ];
  return {
    eventId: '00000000-0000-4000-8000-0000000000e1',
    title: 'Workshop Penguatan Kapasitas Kehumasan Pemerintah Daerah',
    timeZone: 'Asia/Jakarta',
    generatedAt: '2022-06-29T10:15:00+07:00',
    days: DAYS.map((day, index) => ({ day, label: LABELS[index] ?? '', personDays: 13 + index })),
    totalPersonDays: 42,
    delegations,
    arrivals: {
      date: '2022-06-29',
      label: 'Rabu, 29 Juni 2022',
      delegations: delegations.map(({ present, ...line }) => ({
        ...line,
        arrived: present[1]?.present ?? 0,
      })),
      totalsByReportingGroup: [
        { reportingGroup: 'K/L', invitedSeats: 4, registered: 3, arrived: 2 },
        { reportingGroup: 'Pemda', invitedSeats: 2, registered: 2, arrived: 2 },
        { reportingGroup: 'Lainnya', invitedSeats: 0, registered: 0, arrived: 0 },
      ],
    },
    sessions: [
      {
        sessionId: '00000000-0000-4000-8000-0000000000a1',
        title: 'Pembukaan dan Keynote Speech',
        day: '2022-06-28',
        startsAt: '2022-06-28T19:00:00+07:00',
        expected: 5,
        checkedIn: 4,
      },
    ],
    chain: { length: 57, head: HEAD },
    ...overrides,
  };
}

function chartOf(report: AttendanceReportDto): AttendanceChartData {
  return {
    title: 'Kehadiran per Hari dan Delegasi',
    dayLabels: report.days.map((day) => day.label),
    delegations: report.delegations.map((line) => ({
      name: line.organizationName,
      present: line.present.map((on) => on.present),
    })),
  };
}

describe(renderAttendanceReportPdf.name, () => {
  it('should print the heading, the OH, the groups, the delegations, the sessions and the chain', async () => {
    const report = buildReport();
    const pdf = await renderAttendanceReportPdf(report, chartOf(report));
    const pages = await pdfPageTexts(pdf);
    const text = pages.join('\n');

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const expected of [
      ATTENDANCE_REPORT_HEADING,
      'Workshop Penguatan Kapasitas Kehumasan Pemerintah Daerah',
      'Orang-Hari (OH)',
      'Selasa, 28 Juni 2022 13',
      'Rabu, 29 Juni 2022 14',
      'Kamis, 30 Juni 2022 15',
      'Jumlah OH 42',
      'Kedatangan per Kelompok, Rabu, 29 Juni 2022',
      'K/L 4 3 2',
      'Pemda 2 2 2',
      'Lainnya 0 0 0',
      'Jumlah 6 5 4',
      'Kehadiran per Delegasi',
      '1 Kementerian Dalam Negeri K/L 4 3 1 2 3',
      '2 Pemerintah Kota Bandung Pemda 2 2 2 2 2',
      'Jumlah 6 5 3 4 5',
      'Kehadiran per Sesi',
      '1 Pembukaan dan Keynote Speech Selasa, 28 Juni 2022 5 4',
      'Grafik Kehadiran per Hari dan Delegasi',
      '2022-06-29 10.15 WIB',
      HEAD,
      `Halaman 1 dari ${pages.length}`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('should run over pages with their numbers when there are many delegations', async () => {
    const delegations = Array.from({ length: 80 }, (_, index) =>
      buildDelegation({
        organizationId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        organizationName: `Pemerintah Kabupaten Contoh ${index + 1}`,
        reportingGroup: 'Pemda',
      }),
    );
    const report = buildReport({ delegations });
    const pages = await pdfPageTexts(await renderAttendanceReportPdf(report, chartOf(report)));
    const text = pages.join('\n');

    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => {
      expect(page).toContain(`Halaman ${index + 1} dari ${pages.length}`);
    });
    for (const index of [1, 40, 80]) {
      expect(text.split(`Pemerintah Kabupaten Contoh ${index} `).length - 1).toBe(2);
    }
  });

  it('should say so when there are no delegations and no sessions', async () => {
    const report = buildReport({
      delegations: [],
      sessions: [],
      days: DAYS.map((day, index) => ({ day, label: LABELS[index] ?? '', personDays: 0 })),
      totalPersonDays: 0,
    });
    const text = (
      await pdfPageTexts(await renderAttendanceReportPdf(report, chartOf(report)))
    ).join('\n');

    expect(text).toContain('Jumlah OH 0');
    expect(text).toContain('Belum ada sesi.');
    expect(text).toContain(EMPTY_CHART_TEXT);
  });
});
