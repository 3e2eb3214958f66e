import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './test-app';

const execFileAsync = promisify(execFile);

/** The newest installed PostgreSQL's programs (Debian: /usr/lib/postgresql/<version>/bin), or undefined. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const complete = (name: string) => ['initdb', 'pg_ctl'].every((program) => existsSync(join(root, name, 'bin', program)));
  const versions = readdirSync(root).filter(complete).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/**
 * A PostgreSQL server of the test's own (initdb in a temp folder, trust auth, its own port and socket folder) that the
 * test may stop, crash and restart without touching the server every other suite uses. PostgreSQL refuses to run as
 * root, so as root it runs as the `postgres` user. pg_ctl runs asynchronously: the test's clients keep sending while
 * the server goes down or comes up.
 */
export class PrivatePostgres {
  private readonly dir = mkdtempSync(join(tmpdir(), 'thidua-pg-'));
  private readonly data = join(this.dir, 'data');
  port = 0;

  constructor(private readonly bin: string) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** The URL of another database of this server. */
  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async init(): Promise<void> {
    this.port = await freePort();
    if (process.getuid?.() === 0) chownSync(this.dir, uidOf('postgres'), gidOf('postgres'));
    await this.run('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    await this.start();
  }

  /** Starts the server and waits until it accepts connections (`pg_ctl -w`). */
  async start(): Promise<void> {
    await this.pgCtl(['start', '-w', '-t', '120', '-l', join(this.dir, 'server.log'), '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`]);
  }

  /**
   * `immediate` is a crash: every connection is cut and the server recovers from its log on the next start. `fast`
   * is an orderly shutdown: sessions are terminated (57P01) and their transactions rolled back.
   */
  async stop(mode: 'fast' | 'immediate'): Promise<void> {
    await this.pgCtl(['stop', '-w', '-t', '120', '-m', mode]);
  }

  /** Stops the server if it runs and removes its folder; never throws, for an afterAll after a failure. */
  destroy(): void {
    try {
      this.runSync('pg_ctl', ['-D', this.data, 'stop', '-m', 'immediate']);
    } catch {
      // Not running.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private pgCtl(args: string[]): Promise<void> {
    return this.run('pg_ctl', ['-D', this.data, ...args]);
  }

  private async run(program: string, args: string[]): Promise<void> {
    const [command, fullArgs] = this.command(program, args);
    await execFileAsync(command, fullArgs, { cwd: this.dir });
  }

  private runSync(program: string, args: string[]): void {
    const [command, fullArgs] = this.command(program, args);
    execFileSync(command, fullArgs, { stdio: 'pipe', cwd: this.dir });
  }

  private command(program: string, args: string[]): [string, string[]] {
    const path = join(this.bin, program);
    return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  }
}

const uidOf = (user: string) => Number(execFileSync('id', ['-u', user]).toString().trim());
const gidOf = (user: string) => Number(execFileSync('id', ['-g', user]).toString().trim());
