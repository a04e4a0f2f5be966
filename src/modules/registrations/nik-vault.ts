import { Inject, Injectable } from '@nestjs/common';
import { FieldCipher } from '../../common/crypto/field-cipher';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { resolveAuthSecret } from '../auth/auth-secret';

/**
 * Where NIKs go: encrypted at rest under a key derived from the service's secret, shown masked.
 * Changing AUTH_SECRET makes stored NIKs unreadable (they show as unavailable), by design.
 */
@Injectable()
export class NikVault {
  private readonly cipher: FieldCipher;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cipher = new FieldCipher(resolveAuthSecret(config), 'registration-nik');
  }

  seal(nik: string): string {
    return this.cipher.encrypt(nik);
  }

  open(sealed: string): string | null {
    try {
      return this.cipher.decrypt(sealed);
    } catch {
      return null;
    }
  }

  /** "1171********0001": the region and the sequence, the birth date hidden. */
  masked(sealed: string): string | null {
    const nik = this.open(sealed);
    return nik === null ? null : `${nik.slice(0, 4)}${'*'.repeat(nik.length - 8)}${nik.slice(-4)}`;
  }
}
