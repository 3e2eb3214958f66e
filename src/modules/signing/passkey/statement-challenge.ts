/** A statement hash as the signing module names it: SHA-256, 64 lowercase hex digits. */
const STATEMENT_HASH = /^[0-9a-f]{64}$/;

export const isStatementHash = (value: unknown): value is string => typeof value === 'string' && STATEMENT_HASH.test(value);

/**
 * The WebAuthn challenge that makes a passkey assertion a signature of a statement: the 32 bytes of its SHA-256,
 * base64url-encoded (43 characters, no padding) as clientDataJSON carries them. Throws on anything but a
 * statement hash: the caller computed it, so a bad one is a bug, not user input.
 */
export function statementChallenge(statementHash: string): string {
  if (!isStatementHash(statementHash)) throw new TypeError('statementHash must be 64 lowercase hexadecimal digits (a SHA-256)');
  return Buffer.from(statementHash, 'hex').toString('base64url');
}
