import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './test-app';

/** The newest installed PostgreSQL's programs (Debian: /usr/lib/postgresql/<version>/bin), or undefined. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/**
 * A PostgreSQL server of the test's own (initdb in a temp folder, trust auth, its own port and socket folder) that the
 * test may stop, crash and restart without touching the server every other suite uses. PostgreSQL refuses to run as
 * root, so as root it runs as the `postgres` user.
 */
export class PrivatePostgres {
  private readonly dir = mkdtempSync(join(tmpdir(), 'thidua-pg-'));
  private readonly data = join(this.dir, 'data');
  port = 0;

  constructor(private readonly bin: string) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async init(): Promise<void> {
    this.port = await freePort();
    if (process.getuid?.() === 0) chownSync(this.dir, uidOf('postgres'), gidOf('postgres'));
    this.run('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    await this.start();
  }

  /** Starts the server and waits until it accepts connections (`pg_ctl -w`). */
  async start(): Promise<void> {
    this.pgCtl(['start', '-w', '-t', '120', '-l', join(this.dir, 'server.log'), '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`]);
  }

  /** `immediate` is a crash: every connection is cut and the server recovers from its log on the next start. */
  async stop(mode: 'fast' | 'immediate'): Promise<void> {
    this.pgCtl(['stop', '-w', '-m', mode]);
  }

  async destroy(): Promise<void> {
    try {
      this.pgCtl(['stop', '-m', 'immediate']);
    } catch {
      // Not running.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private pgCtl(args: string[]): void {
    this.run('pg_ctl', ['-D', this.data, ...args]);
  }

  private run(program: string, args: string[]): void {
    const path = join(this.bin, program);
    const [command, fullArgs] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    execFileSync(command, fullArgs, { stdio: 'pipe', cwd: this.dir });
  }
}

const uidOf = (user: string) => Number(execFileSync('id', ['-u', user]).toString().trim());
const gidOf = (user: string) => Number(execFileSync('id', ['-g', user]).toString().trim());
