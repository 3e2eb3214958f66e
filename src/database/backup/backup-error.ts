/** A backup or restore that cannot go on: a code for scripts, and a message in Vietnamese and English for people. */
export class BackupError extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${code}: ${vi} / ${en}`);
  }
}
