import { parseNip } from './nip';

/** A disagreement between fields that may be legitimate, so it is reported, not refused. */
export interface FieldWarning {
  field: string;
  code: string;
  message: string;
}

/** Honorifics that say which sex the holder is: Haji and Hajjah. */
const SEX_OF_TITLE: Record<string, 'male' | 'female'> = { 'h.': 'male', 'hj.': 'female' };

/**
 * What looks odd about a person without being wrong: a NIP whose sex digit disagrees with a
 * Haji/Hajjah title (one of them may be a typing slip, or the title a courtesy).
 */
export function personWarnings(person: {
  titlesBefore: string | null;
  nip: string | null;
}): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const nip = person.nip === null ? undefined : parseNip(person.nip);
  if (nip?.valid) {
    const titled = (person.titlesBefore ?? '')
      .toLowerCase()
      .split(/\s+/)
      .map((title) => SEX_OF_TITLE[title])
      .find((sex) => sex !== undefined);
    if (titled !== undefined && titled !== nip.value.sex) {
      warnings.push({
        field: 'nip',
        code: 'NIP_SEX_DISAGREES_WITH_TITLE',
        message: `nip says ${nip.value.sex === 'male' ? 'a man' : 'a woman'}, but the title before the name is for ${titled === 'male' ? 'a man (H.)' : 'a woman (Hj.)'}`,
      });
    }
  }
  return warnings;
}
