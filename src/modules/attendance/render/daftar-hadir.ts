import type { AttendanceStatus } from '../domain/attendance';

/**
 * The daftar hadir (attendance list) as its writers see it: one row per delegate, already in the
 * order and form it is printed. The caller composes the name with its titles, masks the phone or
 * not, and formats the check-in time in the event's zone, so that the writers only lay out text.
 */
export interface DaftarHadirRow {
  /** The running number in the list, from 1. */
  no: number;
  /** The name with titles, as `composeDisplayName` writes it. */
  displayName: string;
  nip: string | null;
  position: string | null;
  organization: string;
  /** As it should be printed: masked with `maskPhone` unless the reader may see it whole. */
  phone: string | null;
  /** The local clock time of the check-in, "08.12"; null when the delegate has not checked in. */
  checkedInAt: string | null;
  /** The status for the day or the session; null while nothing is recorded for the delegate. */
  status: AttendanceStatus | null;
}

/** What the list is of, printed above the table. */
export interface DaftarHadirHeader {
  eventTitle: string;
  /** The day with its weekday, as `formatLongDay` writes it: "Rabu, 29 Juni 2022". */
  dayLabel: string;
  venue: string | null;
  /** Which part of the day's attendance: "Sesi: Pembukaan", "Instansi: Kota Bandung"; null for all. */
  scopeLabel: string | null;
  /**
   * The attendance chain as the list was read: its head and length, printed so that the list can
   * be checked later against the chain (`GET …/attendance/chain?head=`). Left out when absent.
   */
  chain?: { head: string; length: number } | null;
}

/** The heading of every daftar hadir. */
export const DAFTAR_HADIR_HEADING = 'DAFTAR HADIR';

/** The table's columns, in order; the last is left empty for the delegate's signature. */
export const DAFTAR_HADIR_COLUMNS = [
  'No',
  'Nama',
  'NIP',
  'Jabatan',
  'Instansi',
  'Telepon',
  'Jam Hadir',
  'Status',
  'Tanda Tangan',
] as const;

/** The columns that carry data: all but the signature, which only paper needs (CSV and JSON). */
export const DAFTAR_HADIR_DATA_COLUMNS = DAFTAR_HADIR_COLUMNS.slice(0, -1) as Exclude<
  (typeof DAFTAR_HADIR_COLUMNS)[number],
  'Tanda Tangan'
>[];

/** How each status is written on the list. */
export const STATUS_LABELS: Readonly<Record<AttendanceStatus, string>> = {
  hadir: 'Hadir',
  izin: 'Izin',
  diwakili: 'Diwakili',
  tidak_hadir: 'Tidak Hadir',
};

/**
 * The lines under the heading: the event, the day, then the venue, the scope and the chain when
 * known.
 */
export function headerLines(header: DaftarHadirHeader): string[] {
  return [
    header.eventTitle,
    header.dayLabel,
    header.venue,
    header.scopeLabel,
    header.chain ? chainLine(header.chain) : null,
  ].filter((line): line is string => line !== null && line.trim() !== '');
}

/** "Rantai presensi: 3f1c… (12 entri)": the chain head the list was read at. */
export function chainLine(chain: { head: string; length: number }): string {
  return `Rantai presensi: ${chain.head} (${chain.length} entri)`;
}

/**
 * The row's cells as text, one per column; unknown values, a status not recorded yet and the
 * signature are empty.
 */
export function rowCells(row: DaftarHadirRow): string[] {
  return [
    String(row.no),
    row.displayName,
    row.nip ?? '',
    row.position ?? '',
    row.organization,
    row.phone ?? '',
    row.checkedInAt ?? '',
    row.status === null ? '' : STATUS_LABELS[row.status],
    '',
  ];
}
