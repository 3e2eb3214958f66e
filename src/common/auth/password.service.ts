import { FactoryProvider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as argon2 from 'argon2';
import type { AppConfig, PasswordHashing } from '../../config/app-config';

/** argon2id hashing at the configured cost; a hash carries its own cost, so older hashes still verify after a change. */
export class PasswordService {
  // Verified when the username is unknown so that response time does not reveal which usernames exist.
  private readonly decoyHash: Promise<string>;

  constructor(private readonly hashing: PasswordHashing) {
    this.decoyHash = this.hash('decoy-password-for-timing');
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...this.hashing });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      if (!hash) {
        await argon2.verify(await this.decoyHash, password);
        return false;
      }
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}

/** PasswordService at the cost of the configuration (`auth.passwordHashing`). */
export const passwordServiceProvider: FactoryProvider<PasswordService> = {
  provide: PasswordService,
  inject: [ConfigService],
  useFactory: (config: ConfigService<AppConfig, true>) => new PasswordService(config.get('auth', { infer: true }).passwordHashing),
};
