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
  status: AttendanceStatus;
}

/** What the list is of, printed above the table. */
export interface DaftarHadirHeader {
  eventTitle: string;
  /** The day with its weekday, as `formatLongDay` writes it: "Rabu, 29 Juni 2022". */
  dayLabel: string;
  venue: string | null;
  /** Which part of the day's attendance: "Sesi: Pembukaan", "Instansi: Kota Bandung"; null for all. */
  scopeLabel: string | null;
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

/** How each status is written on the list. */
export const STATUS_LABELS: Readonly<Record<AttendanceStatus, string>> = {
  hadir: 'Hadir',
  izin: 'Izin',
  diwakili: 'Diwakili',
  tidak_hadir: 'Tidak Hadir',
};

/** The lines under the heading: the event, the day, then the venue and the scope when known. */
export function headerLines(header: DaftarHadirHeader): string[] {
  return [header.eventTitle, header.dayLabel, header.venue, header.scopeLabel].filter(
    (line): line is string => line !== null && line.trim() !== '',
  );
}

/** The row's cells as text, one per column; unknown values and the signature are empty. */
export function rowCells(row: DaftarHadirRow): string[] {
  return [
    String(row.no),
    row.displayName,
    row.nip ?? '',
    row.position ?? '',
    row.organization,
    row.phone ?? '',
    row.checkedInAt ?? '',
    STATUS_LABELS[row.status],
    '',
  ];
}
