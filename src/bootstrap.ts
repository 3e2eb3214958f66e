import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { AppModule, Role } from './app.module';
import { bodyParserErrors } from './common/http/body-parser-errors';
import { refuseUnsafeInput } from './common/http/unsafe-input';
import { securityHeaders } from './common/http/security-headers';
import { createValidationPipe } from './common/http/validation.pipe';
import { AppConfig } from './config/app-config';
import { CsrfProtection } from './modules/csrf/csrf-protection';
import { serveStaticAssets } from './modules/web/static-assets';

export interface CreateAppOptions {
  role: Role;
  config: AppConfig;
  /** Keep Nest's boot messages out of test output. */
  quiet?: boolean;
}

/** Nest's own messages while the app is built (before pino takes over) at the configured level: `warn` hides the module list. */
const BOOT_LOG_LEVELS: Record<string, LogLevel[]> = {
  silent: [],
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Builds the Nest application for a role, with the HTTP pipeline every entry point and test shares. */
export async function createApp({ role, config, quiet }: CreateAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRole(role, config), {
    bodyParser: false,
    // Not buffered: with buffering, a worker (no HTTP routes) never flushed its logs to pino.
    bufferLogs: false,
    abortOnError: false,
    logger: quiet ? false : (BOOT_LOG_LEVELS[config.logLevel] ?? undefined),
  });
  app.useLogger(app.get(Logger));
  app.use(securityHeaders());
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);

  const limit = config.http.bodyLimitBytes;
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: false });
  app.useBodyParser('text', { limit, type: ['text/csv', 'text/plain'] });
  app.use(bodyParserErrors('1 MiB'));
  app.use(refuseUnsafeInput());
  app.use(cookieParser());
  // After the body parsers and cookies (it reads both), before every route, Bull Board's included.
  if (role !== 'worker') app.use(app.get(CsrfProtection).middleware);
  serveStaticAssets(app);
  app.useGlobalPipes(createValidationPipe());

  const info = new DocumentBuilder()
    .setTitle('thidua API')
    .setDescription('Phong trào thi đua: campaigns, forms, deliberation, evaluation. Errors: { code, message, details?, errorId? }.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  // Built on the first request for it, not at every start: scanning every route takes a noticeable part of a boot.
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, info), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
