import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id hashing with the library's defaults (64 MiB, 3 passes). */
@Injectable()
export class PasswordService {
  // Verified when the username is unknown so that response time does not reveal which usernames exist.
  private readonly decoyHash = argon2.hash('decoy-password-for-timing');

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
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
