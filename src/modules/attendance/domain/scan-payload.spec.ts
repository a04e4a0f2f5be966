import { generateRegistrationCode } from '../../registrations/domain/registration-code';
import { readScanPayload } from './scan-payload';

const CODE = generateRegistrationCode(() => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));

describe(readScanPayload.name, () => {
  it.each([
    ['the code itself', CODE],
    ['the code with spaces around it', `  ${CODE}\n`],
    ['the code in lower case without hyphens', CODE.replace(/-/g, '').toLowerCase()],
    ['a self-service link', `https://rakor.example/api/v1/registrations/${CODE}`],
    ['a link with a trailing slash and a query', `https://rakor.example/r/${CODE}/?utm=qr#top`],
    ['a link with the code percent-encoded', `https://rakor.example/r/${encodeURIComponent(CODE)}`],
  ])('should read the code from %s', (_case, payload) => {
    expect(readScanPayload(payload)).toBe(CODE);
  });

  it.each([
    ['an empty payload', ''],
    ['a link without a code', 'https://rakor.example/'],
    ['a code with a wrong check symbol', `${CODE.slice(0, -1)}${CODE.endsWith('0') ? '1' : '0'}`],
    ['a link whose last segment is not a code', 'https://rakor.example/registrations/ABCD'],
    ['a malformed percent escape', 'https://rakor.example/r/%E0%A4%A'],
    ['some other QR code', 'WIFI:S:Hotel;T:WPA;P:secret;;'],
  ])('should give null for %s', (_case, payload) => {
    expect(readScanPayload(payload)).toBeNull();
  });
});
