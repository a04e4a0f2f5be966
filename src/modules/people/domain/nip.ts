import { isRealDate } from '../../../common/time/calendar';
import { type FieldCheck, invalidField, isoDate, validField } from './field-check';

/** PNS are career civil servants; PPPK are government employees on contract, numbered alike. */
export type NipKind = 'PNS' | 'PPPK';

/** What an 18-digit NIP (Nomor Induk Pegawai) says about its holder. */
export interface NipInfo {
  /** The 18 digits, without the spaces people write between the groups. */
  nip: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** First appointment as `YYYY-MM` for a PNS; null for a PPPK, whose digits 9–14 mean something else. */
  appointment: string | null;
  sex: 'male' | 'female';
  /** 1–999. */
  sequence: number;
}

const NIP_LENGTH = 18;
/** Nobody is appointed before 17: the month of first appointment is at least this far after birth. */
const MIN_APPOINTMENT_AGE_MONTHS = 17 * 12;

/**
 * Parses a NIP: birth date `yyyymmdd`, first appointment `yyyymm` (PNS only), sex digit `1`
 * (male) or `2` (female), sequence `001`–`999`. Civil servants write it in groups
 * ("19860926 201505 1 001"), so whitespace is dropped; any other non-digit is refused rather than
 * guessed at. Messages start with "nip " so a 400 can name the field.
 */
export function parseNip(input: string, kind: NipKind = 'PNS'): FieldCheck<NipInfo> {
  const nip = input.replace(/\s+/g, '');
  const stray = /[^0-9]/.exec(nip);
  if (stray !== null) {
    return invalidField(`nip may hold only digits and spaces, not ${JSON.stringify(stray[0])}`);
  }
  if (nip.length !== NIP_LENGTH) {
    return invalidField(`nip must be ${NIP_LENGTH} digits, not ${nip.length}`);
  }

  const birthYear = digits(nip, 0, 4);
  const birthMonth = digits(nip, 4, 6);
  const birthDay = digits(nip, 6, 8);
  const birthText = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (!isRealDate(birthYear, birthMonth, birthDay)) {
    return invalidField(`nip holds birth date ${birthText}, which is not a real date`);
  }

  let appointment: string | null = null;
  if (kind === 'PNS') {
    const year = digits(nip, 8, 12);
    const month = digits(nip, 12, 14);
    const text = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
    if (month < 1 || month > 12) {
      return invalidField(`nip holds first appointment ${text}, which is not a real month`);
    }
    if (year * 12 + month < birthYear * 12 + birthMonth + MIN_APPOINTMENT_AGE_MONTHS) {
      return invalidField(
        `nip holds first appointment ${text}, less than 17 years after birth in ${birthText.slice(0, 7)}`,
      );
    }
    appointment = text;
  }

  const sexDigit = nip.charAt(14);
  if (sexDigit !== '1' && sexDigit !== '2') {
    return invalidField(`nip holds sex digit ${sexDigit}, which must be 1 (male) or 2 (female)`);
  }

  const sequence = digits(nip, 15, 18);
  if (sequence === 0) {
    return invalidField(`nip holds sequence ${nip.slice(15)}, which must be 001 to 999`);
  }

  return validField({
    nip,
    birthDate: isoDate(birthYear, birthMonth, birthDay),
    appointment,
    sex: sexDigit === '1' ? 'male' : 'female',
    sequence,
  });
}

function digits(text: string, start: number, end: number): number {
  return Number.parseInt(text.slice(start, end), 10);
}
