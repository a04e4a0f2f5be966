/** What an organization is, in the terms of Indonesian government. */
export const ORGANIZATION_KINDS = [
  'ministry',
  'coordinating_ministry',
  /** Lembaga Pemerintah Non-Kementerian (LPNK). */
  'agency',
  /** Lembaga Non-Struktural (LNS). */
  'non_structural',
  'state_institution',
  'tni',
  'polri',
  'province',
  'regency',
  'city',
  /** A bureau, centre or directorate inside another organization. */
  'unit',
  'external',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** The group an organization counts under in attendance reports. */
export const REPORTING_GROUPS = ['K/L', 'Pemda', 'Lainnya'] as const;
export type ReportingGroup = (typeof REPORTING_GROUPS)[number];

/** Seeded from official lists, or added by an organizer. */
export const ORGANIZATION_SOURCES = ['catalog', 'organizer'] as const;
export type OrganizationSource = (typeof ORGANIZATION_SOURCES)[number];

export const REGIONAL_KINDS: readonly OrganizationKind[] = ['province', 'regency', 'city'];

/**
 * The group an organization counts under unless the organizer says otherwise: central government
 * is K/L, regional government is Pemda, a unit counts with its parent, anyone else is Lainnya.
 */
export function defaultReportingGroup(
  kind: OrganizationKind,
  parentGroup: ReportingGroup | undefined,
): ReportingGroup {
  switch (kind) {
    case 'ministry':
    case 'coordinating_ministry':
    case 'agency':
    case 'non_structural':
    case 'state_institution':
    case 'tni':
    case 'polri':
      return 'K/L';
    case 'province':
    case 'regency':
    case 'city':
      return 'Pemda';
    case 'unit':
      return parentGroup ?? 'Lainnya';
    case 'external':
      return 'Lainnya';
  }
}
