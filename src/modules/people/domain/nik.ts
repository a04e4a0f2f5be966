import { isRealDate } from '../../../common/time/calendar';
import { type FieldCheck, invalidField, isoDate, validField } from './field-check';

/**
 * Province codes a NIK may start with. A NIK never changes, even when its province is split,
 * renamed or gone, so this is the current list (38 provinces since Papua Barat Daya was formed by
 * UU 29/2022) plus every code a NIK may still carry from before.
 *
 * Codes whose meaning changed stay valid either way, so they need no extra entry, but the history
 * explains why old numbers look odd:
 * - 91 was Papua Barat and 94 was Papua in the 34-province list (Permendagri 137/2017, 72/2019);
 *   the 2022 split of Papua renumbered them (Papua 91, Papua Barat 92, Papua Tengah 94), so a
 *   Papua NIK from before 2022 starts with 94 and a Papua Barat one with 91.
 * - 92 and 93 were Irian Jaya Tengah and Irian Jaya Timur in BPS codes of 2001–2002
 *   (World Bank GLD notes on SAKERNAS, github.com/worldbank/gld,
 *   "Support/B - Country Survey Details/IDN/SAKERNAS/Geographic_Significance_Level.md").
 *
 * Deliberately left out: the old Depdagri numbering of pre-2006 KTP numbers (e.g. 10 for Jawa
 * Barat), which predate the national NIK of UU 23/2006; accepting 01–27 would make the province
 * check meaningless.
 */
export const NIK_PROVINCE_CODES = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  // Historical: Timor Timur, a province from 1976 to 1999 under BPS code 54 (the same GLD table
  // lists "54 Timor Timur" up to 1999). People registered there then may still carry it.
  '54': 'Timor Timur (historical, 1976–1999)',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua (Papua Barat before 2022)',
  '92': 'Papua Barat (Irian Jaya Tengah in 2001–2002 BPS codes)',
  '93': 'Papua Selatan (Irian Jaya Timur in 2001–2002 BPS codes)',
  '94': 'Papua Tengah (Papua before 2022)',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
} as const satisfies Record<string, string>;

export type NikProvinceCode = keyof typeof NIK_PROVINCE_CODES;

/** What a 16-digit NIK (Nomor Induk Kependudukan) says about its holder. */
export interface NikInfo {
  /** The 16 digits, without spaces. */
  nik: string;
  /** Where the NIK was issued, as `PP.KK.CC` (province, kabupaten/kota, kecamatan). */
  regionCode: string;
  provinceCode: string;
  /** `YYYY-MM-DD`; the century is inferred, see {@link parseNik}. */
  birthDate: string;
  sex: 'male' | 'female';
  /** 1–9999. */
  sequence: number;
}

const NIK_LENGTH = 16;
/** Women's NIKs add 40 to the day of birth. */
const FEMALE_DAY_OFFSET = 40;

/**
 * Parses a NIK: region `PPKKCC` + birth date `DDMMYY` (day + 40 for women) + sequence
 * `0001`–`9999`. A NIK only holds two digits of the year, so `today` (`YYYY-MM-DD`) picks the
 * century: the latest year ending in those digits that is not after today's year (20YY, else 19YY,
 * during this century). A birth date after `today` is refused. Whitespace is dropped, any other
 * non-digit is refused. Messages start with "nik " so a 400 can name the field.
 *
 * @throws RangeError when `today` is not a real `YYYY-MM-DD` date (a programming error, not a 400).
 */
export function parseNik(input: string, today: string): FieldCheck<NikInfo> {
  const todayYear = parseToday(today);
  const nik = input.replace(/\s+/g, '');
  const stray = /[^0-9]/.exec(nik);
  if (stray !== null) {
    return invalidField(`nik may hold only digits and spaces, not ${JSON.stringify(stray[0])}`);
  }
  if (nik.length !== NIK_LENGTH) {
    return invalidField(`nik must be ${NIK_LENGTH} digits, not ${nik.length}`);
  }

  const provinceCode = nik.slice(0, 2);
  if (!Object.hasOwn(NIK_PROVINCE_CODES, provinceCode)) {
    return invalidField(`nik holds province code ${provinceCode}, which is not a known province`);
  }
  const kabupaten = nik.slice(2, 4);
  if (kabupaten === '00') {
    return invalidField('nik holds kabupaten/kota code 00, which must be 01 to 99');
  }
  const kecamatan = nik.slice(4, 6);
  if (kecamatan === '00') {
    return invalidField('nik holds kecamatan code 00, which must be 01 to 99');
  }

  const dayField = digits(nik, 6, 8);
  const female = dayField > FEMALE_DAY_OFFSET;
  const day = female ? dayField - FEMALE_DAY_OFFSET : dayField;
  if (day < 1 || day > 31) {
    return invalidField(
      `nik holds birth day ${nik.slice(6, 8)}, which must be 01 to 31, or 41 to 71 for a woman`,
    );
  }
  const month = digits(nik, 8, 10);
  const year = centuryFor(digits(nik, 10, 12), todayYear);
  if (!isRealDate(year, month, day)) {
    const shown = `${year}-${nik.slice(8, 10)}-${String(day).padStart(2, '0')}`;
    return invalidField(`nik holds birth date ${shown}, which is not a real date`);
  }
  const birthDate = isoDate(year, month, day);
  if (birthDate > today) {
    return invalidField(`nik holds birth date ${birthDate}, which is after today (${today})`);
  }

  const sequence = digits(nik, 12, 16);
  if (sequence === 0) {
    return invalidField('nik holds sequence 0000, which must be 0001 to 9999');
  }

  return validField({
    nik,
    regionCode: `${provinceCode}.${kabupaten}.${kecamatan}`,
    provinceCode,
    birthDate,
    sex: female ? 'female' : 'male',
    sequence,
  });
}

/** The latest year ending in `yy` that is not after `todayYear`. */
function centuryFor(yy: number, todayYear: number): number {
  const year = todayYear - (todayYear % 100) + yy;
  return year > todayYear ? year - 100 : year;
}

function parseToday(today: string): number {
  const [year, month, day] = today.split('-').map(Number);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(today) ||
    year === undefined ||
    !isRealDate(year, month ?? 0, day ?? 0)
  ) {
    throw new RangeError(`today must be a YYYY-MM-DD date, not ${JSON.stringify(today)}`);
  }
  return year;
}

function digits(text: string, start: number, end: number): number {
  return Number.parseInt(text.slice(start, end), 10);
}
