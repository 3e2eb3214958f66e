import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from './app.module';
import { createApp } from './bootstrap';
import { ConfigurationError, loadConfig } from './config/load-config';
import { readEnvironment } from './config/read-environment';

const ROLES: Role[] = ['all', 'api', 'worker'];

function parseRole(argv: string[]): Role {
  const arg = argv.find((a) => a.startsWith('--role='));
  const role = (arg ? arg.slice('--role='.length) : 'all') as Role;
  if (!ROLES.includes(role)) {
    throw new Error(`Unknown role "${role}": use --role=all, --role=api or --role=worker`);
  }
  return role;
}

/** Closes everything on the first signal and exits 0; a second signal, or 25 s, forces the exit. */
function stopGracefullyOn(signals: NodeJS.Signals[], close: () => Promise<void>): void {
  let stopping = false;
  for (const signal of signals) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      setTimeout(() => process.exit(1), 25_000).unref();
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
    });
  }
}

async function main(): Promise<void> {
  const role = parseRole(process.argv.slice(2));
  const config = loadConfig(readEnvironment());
  const logger = new Logger('Main');
  const running: { app?: NestExpressApplication } = {};
  // Registered before the app exists so that an early signal also ends in a clean exit.
  stopGracefullyOn(['SIGTERM', 'SIGINT'], async () => {
    logger.log('Stopping: closing HTTP, workers and the database…');
    await running.app?.close();
  });
  const app = await createApp({ role, config });
  running.app = app;
  if (role === 'worker') {
    await app.init();
    logger.log(`thidua worker started (queue prefix "${config.redis.prefix}")`);
    return;
  }
  await app.listen(config.http.port, config.http.host);
  const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(config.http.host) ? 'localhost' : config.http.host;
  logger.log(`thidua (${role}) listening on http://${shownHost}:${config.http.port}`);
}

main().catch((error: unknown) => {
  // Configuration errors are the user's to fix: print them plainly, without a stack.
  process.stderr.write(`${error instanceof ConfigurationError ? error.message : (error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
