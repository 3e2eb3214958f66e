import { PasswordService } from './password.service';

describe('PasswordService', () => {
  const cheap = new PasswordService({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
  const dearer = new PasswordService({ memoryCost: 2048, timeCost: 2, parallelism: 1 });

  it('hashes at its configured cost, and a hash verifies under any cost (the hash carries its own)', async () => {
    const hash = await cheap.hash('mật-khẩu-1');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    expect(await dearer.verify(hash, 'mật-khẩu-1')).toBe(true);
    expect(await dearer.verify(hash, 'mật-khẩu-2')).toBe(false);
    expect(await dearer.hash('mật-khẩu-1')).toMatch(/^\$argon2id\$v=19\$m=2048,p=1,t=2\$/);
  });

  it('refuses a person without a password and a malformed hash', async () => {
    expect(await cheap.verify(null, 'decoy-password-for-timing')).toBe(false);
    expect(await cheap.verify('not-a-hash', 'x')).toBe(false);
  });
});
