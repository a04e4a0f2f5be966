import { parseRegistrationCode } from '../../registrations/domain/registration-code';

/**
 * The registration code in what a scanner read from a delegate's QR code. The QR code holds the
 * code itself; a link that ends with it (`…/registrations/7K3M-Q9TD-2XC`, with a query or a
 * fragment after) is read too, so that a QR code printed by another tool with the self-service
 * address still works. Null when neither holds a valid code, check symbol included.
 */
export function readScanPayload(payload: string): string | null {
  const text = payload.trim();
  const direct = parseRegistrationCode(text);
  if (direct !== null) return direct;
  const path = text.split(/[?#]/, 1)[0] ?? '';
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  let segment: string;
  try {
    segment = decodeURIComponent(last);
  } catch {
    return null;
  }
  return segment === text ? null : parseRegistrationCode(segment);
}
