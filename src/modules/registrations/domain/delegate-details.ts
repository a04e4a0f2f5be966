import { isEmail } from 'class-validator';
import type { FieldError } from '../../../common/problem/domain-error';
import type { DelegateField } from '../../events/domain/event-settings';
import { type NikInfo, parseNik } from '../../people/domain/nik';
import { type NipInfo, parseNip } from '../../people/domain/nip';
import { type FieldWarning, personWarnings } from '../../people/domain/person-warnings';
import { normalizePhone } from '../../people/domain/phone';

/**
 * How a delegate is employed. ASN (aparatur sipil negara) are PNS and PPPK, who hold a NIP and a
 * golongan; TNI and Polri members hold an NRP and a military or police rank instead; `non-ASN`
 * covers everyone else (honorary staff, experts, private sector), who hold neither.
 */
export const EMPLOYMENT_TYPES = ['PNS', 'PPPK', 'TNI', 'Polri', 'non-ASN'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** PNS golongan/ruang: I to III run from a to d, IV from a to e (PP 99/2000). */
export const PNS_GRADES = [
  'I/a',
  'I/b',
  'I/c',
  'I/d',
  'II/a',
  'II/b',
  'II/c',
  'II/d',
  'III/a',
  'III/b',
  'III/c',
  'III/d',
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
] as const;

/** PPPK golongan, I to XVII in Roman numerals (Perpres 98/2020). */
export const PPPK_GRADES = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const;

/** A delegate's details as submitted: every field may be missing, blank or badly spaced. */
export interface DelegateDetailsInput {
  titlesBefore?: string | null;
  name?: string | null;
  titlesAfter?: string | null;
  employmentType?: string | null;
  nip?: string | null;
  rankGrade?: string | null;
  position?: string | null;
  workUnit?: string | null;
  email?: string | null;
  phone?: string | null;
  nik?: string | null;
}

/** A delegate's details as stored: tidied text, and null for what was not given. */
export interface NormalizedDelegate {
  titlesBefore: string | null;
  name: string;
  titlesAfter: string | null;
  employmentType: EmploymentType | null;
  /** 18 digits, for PNS and PPPK only. */
  nip: string | null;
  /** `III/b` for a PNS, `IX` for a PPPK, the rank as written for TNI and Polri. */
  rankGrade: string | null;
  position: string | null;
  workUnit: string | null;
  /** Lower case. */
  email: string;
  /** E.164. */
  phone: string | null;
  /** 16 digits, only when the event collects it. */
  nik: string | null;
}

export type DelegateCheck =
  | { ok: true; details: NormalizedDelegate; warnings: FieldWarning[] }
  | { ok: false; problems: FieldError[] };

/** Employment types by their letters alone, so that "pns", "Non ASN" and "non-asn" are understood. */
const EMPLOYMENT_TYPE_BY_KEY = new Map<string, EmploymentType>(
  EMPLOYMENT_TYPES.map((type) => [letterKey(type), type]),
);
const NIP_HOLDERS: readonly EmploymentType[] = ['PNS', 'PPPK'];
/** "III/b", "iii / b", "III-b", "IIIb". */
const PNS_GRADE_PATTERN = /^(IV|III|II|I)\s*[/.-]?\s*([A-E])$/i;

/**
 * Checks and tidies a delegate's details for an event. Name and email are always required, the
 * fields in `requiredFields` too (`titles` is met by titles before or after the name). Every
 * format error names its field, all of them at once so a form can mark each. A NIP belongs to PNS
 * and PPPK, a rank/grade to everyone but non-ASN, so those are required only of whom they fit.
 * A NIK is refused unless the event collects it (UU PDP: collect no more than needed). Fields
 * that may legitimately disagree (the NIP against the NIK or the title) give warnings.
 * `today` (`YYYY-MM-DD`) dates the NIK's century.
 */
export function checkDelegateDetails(
  input: DelegateDetailsInput,
  requiredFields: readonly DelegateField[],
  today: string,
): DelegateCheck {
  const required = new Set<DelegateField>(requiredFields);
  const problems: FieldError[] = [];
  const fail = (field: string, message: string): null => {
    problems.push({ field, message });
    return null;
  };

  const titlesBefore = tidy(input.titlesBefore);
  const titlesAfter = tidy(input.titlesAfter);
  if (required.has('titles') && titlesBefore === null && titlesAfter === null) {
    fail('titlesBefore', 'titlesBefore or titlesAfter is required for this event');
  }
  const name = tidy(input.name) ?? fail('name', 'name is required');

  const typeText = tidy(input.employmentType);
  const employmentType =
    typeText === null
      ? null
      : (EMPLOYMENT_TYPE_BY_KEY.get(letterKey(typeText)) ??
        fail('employmentType', `employmentType must be one of ${EMPLOYMENT_TYPES.join(', ')}`));
  const nipText = tidy(input.nip);
  const rankText = tidy(input.rankGrade);
  if (typeText === null && required.has('employmentType')) {
    fail('employmentType', 'employmentType is required for this event');
  } else if (typeText === null && (nipText !== null || rankText !== null)) {
    fail('employmentType', 'employmentType is required with a nip or rankGrade, to check them by');
  }
  const nip = checkNip(nipText, employmentType, required.has('nip'), fail);
  const rankGrade = checkRankGrade(rankText, employmentType, required.has('rankGrade'), fail);

  const position = tidy(input.position) ?? requiredOrNull('position', required, fail);
  const workUnit = tidy(input.workUnit) ?? requiredOrNull('workUnit', required, fail);
  const email = checkEmail(tidy(input.email), fail);
  const phone = checkPhone(tidy(input.phone), required.has('phone'), fail);
  const nik = checkNik(tidy(input.nik), required.has('nik'), today, fail);

  if (problems.length > 0 || name === null || email === null) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    details: {
      titlesBefore,
      name,
      titlesAfter,
      employmentType,
      nip: nip?.nip ?? null,
      rankGrade,
      position,
      workUnit,
      email,
      phone,
      nik: nik?.nik ?? null,
    },
    warnings: [
      ...personWarnings({ titlesBefore, nip: nip?.nip ?? null }),
      ...nipNikWarnings(nip, nik),
    ],
  };
}

/** Records a problem; returns null so that a failed field reads as absent. */
type Fail = (field: string, message: string) => null;

function requiredOrNull(field: DelegateField, required: Set<DelegateField>, fail: Fail): null {
  return required.has(field) ? fail(field, `${field} is required for this event`) : null;
}

/**
 * A NIP is parsed as the kind the delegate says they are, since PPPK numbers mean something else
 * in digits 9–14. TNI and Polri members have an NRP and non-ASN nothing, so a NIP from them is
 * refused rather than stored unchecked. Without a known employment type it is not checked here:
 * that field's problem is reported already.
 */
function checkNip(
  text: string | null,
  type: EmploymentType | null,
  required: boolean,
  fail: Fail,
): NipInfo | null {
  const holdsNip = type === null || NIP_HOLDERS.includes(type);
  if (text === null) {
    return required && holdsNip
      ? fail('nip', 'nip is required for PNS and PPPK at this event')
      : null;
  }
  if (type === 'PNS' || type === 'PPPK') {
    const nip = parseNip(text, type);
    return nip.valid ? nip.value : fail('nip', nip.message);
  }
  if (type !== null) {
    fail('nip', `nip is only for PNS and PPPK; leave it empty for ${type}`);
  }
  return null;
}

/**
 * A PNS golongan is normalised to `III/b` and a PPPK one to Roman `IX` (Arabic `9` is understood).
 * TNI and Polri ranks ("Kolonel Inf", "Komisaris Besar Polisi") are many and spelled freely, so
 * they are kept as written. Non-ASN have no rank or golongan.
 */
function checkRankGrade(
  text: string | null,
  type: EmploymentType | null,
  required: boolean,
  fail: Fail,
): string | null {
  if (text === null) {
    return required && type !== 'non-ASN'
      ? fail('rankGrade', 'rankGrade is required for this event')
      : null;
  }
  switch (type) {
    case null:
      return null;
    case 'PNS':
      return (
        pnsGrade(text) ??
        fail('rankGrade', 'rankGrade must be a PNS golongan from I/a to IV/e, such as III/b')
      );
    case 'PPPK':
      return (
        pppkGrade(text) ?? fail('rankGrade', 'rankGrade must be a PPPK golongan from I to XVII')
      );
    case 'TNI':
    case 'Polri':
      return text;
    case 'non-ASN':
      return fail(
        'rankGrade',
        'rankGrade is only for PNS, PPPK, TNI and Polri; leave it empty for non-ASN',
      );
  }
}

function pnsGrade(text: string): string | null {
  const match = PNS_GRADE_PATTERN.exec(text);
  if (match === null) return null;
  const grade = `${(match[1] ?? '').toUpperCase()}/${(match[2] ?? '').toLowerCase()}`;
  return (PNS_GRADES as readonly string[]).includes(grade) ? grade : null;
}

function pppkGrade(text: string): string | null {
  const grade = text.replace(/\s+/g, '').toUpperCase();
  if (/^[0-9]+$/.test(grade)) {
    return PPPK_GRADES[Number.parseInt(grade, 10) - 1] ?? null;
  }
  return (PPPK_GRADES as readonly string[]).includes(grade) ? grade : null;
}

/** The same syntax check as the DTOs' `@IsEmail()`, lower-cased as people are stored. */
function checkEmail(text: string | null, fail: Fail): string | null {
  if (text === null) return fail('email', 'email is required');
  const email = text.toLowerCase();
  return isEmail(email)
    ? email
    : fail('email', 'email must be an email address, such as nama@kemendagri.go.id');
}

function checkPhone(text: string | null, required: boolean, fail: Fail): string | null {
  if (text === null) return required ? fail('phone', 'phone is required for this event') : null;
  const phone = normalizePhone(text);
  return phone.valid ? phone.value : fail('phone', phone.message);
}

function checkNik(
  text: string | null,
  required: boolean,
  today: string,
  fail: Fail,
): NikInfo | null {
  if (text === null) return required ? fail('nik', 'nik is required for this event') : null;
  if (!required) return fail('nik', 'nik is not collected for this event; leave it empty');
  const nik = parseNik(text, today);
  return nik.valid ? nik.value : fail('nik', nik.message);
}

/**
 * The NIP and the NIK both carry the birth date and sex. They may disagree for good reasons (a
 * corrected civil record, a NIP issued on an old date), so a disagreement is a warning.
 */
function nipNikWarnings(nip: NipInfo | null, nik: NikInfo | null): FieldWarning[] {
  if (nip === null || nik === null) return [];
  const warnings: FieldWarning[] = [];
  if (nip.sex !== nik.sex) {
    warnings.push({
      field: 'nip',
      code: 'NIP_SEX_DISAGREES_WITH_NIK',
      message: `nip says ${personOf(nip.sex)}, but nik says ${personOf(nik.sex)}`,
    });
  }
  if (nip.birthDate !== nik.birthDate) {
    warnings.push({
      field: 'nip',
      code: 'NIP_BIRTH_DATE_DISAGREES_WITH_NIK',
      message: `nip holds birth date ${nip.birthDate}, but nik holds ${nik.birthDate}`,
    });
  }
  return warnings;
}

function personOf(sex: 'male' | 'female'): string {
  return sex === 'male' ? 'a man' : 'a woman';
}

/** Runs of whitespace collapse to one space; blank is absent. */
function tidy(text: string | null | undefined): string | null {
  const tidied = (text ?? '').replace(/\s+/g, ' ').trim();
  return tidied === '' ? null : tidied;
}

function letterKey(text: string): string {
  return text.replace(/[^a-z]/gi, '').toUpperCase();
}
