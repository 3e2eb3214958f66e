import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { projectRoot } from '../common/project-root';
import { AppConfig } from './app-config';
import { EnvironmentVariables } from './environment.schema';
import { parseTrustProxy } from './trust-proxy';

export type Environment = Record<string, string | undefined>;

/** Thrown at boot with every bad variable listed, so one restart fixes them all. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).map((message) => `${e.property}: ${message}`));
}

/**
 * Passkeys are bound to the site people open (WebAuthn's origin and relying-party id): by default the public URL's
 * own origin and host name, so a deployment behind a domain sets PUBLIC_URL and nothing else.
 */
function signingConfig(publicUrl: string, rpId: string | undefined): AppConfig['signing'] {
  const url = new URL(publicUrl);
  return { origin: url.origin, rpId: rpId ?? url.hostname, rpName: 'thidua' };
}

/** Validates the environment and builds the typed configuration. Pure: the caller passes the environment. */
export function loadConfig(env: Environment): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, env, { excludeExtraneousValues: false });
  const problems = describe(validateSync(vars, { skipMissingProperties: false, whitelist: false }));
  const environment = vars.NODE_ENV ?? 'development';
  if (environment === 'production' && !vars.AUTH_JWT_SECRET) {
    problems.push('AUTH_JWT_SECRET: required in production (at least 32 characters)');
  }
  const trustProxy = parseTrustProxy(vars.TRUST_PROXY);
  if ('problem' in trustProxy) problems.push(trustProxy.problem);
  if (problems.length > 0 || 'problem' in trustProxy) throw new ConfigurationError(problems);

  return {
    environment,
    logLevel: vars.LOG_LEVEL ?? (environment === 'test' ? 'silent' : 'info'),
    database: {
      dialect: vars.DATABASE_URL ? 'postgresql' : 'sqlite',
      url: vars.DATABASE_URL,
      sqlitePath: vars.SQLITE_PATH ?? 'data/thidua.sqlite',
    },
    redis: {
      url: vars.REDIS_URL ?? 'redis://127.0.0.1:6379',
      prefix: vars.QUEUE_PREFIX ?? 'thidua',
      ...(vars.REDIS_CLUSTER_NODES
        ? { clusterNodes: vars.REDIS_CLUSTER_NODES.split(',').map((node) => ({ host: node.slice(0, node.lastIndexOf(':')), port: Number(node.slice(node.lastIndexOf(':') + 1)) })) }
        : {}),
    },
    http: { host: vars.HOST ?? '127.0.0.1', port: vars.PORT ?? 3000, bodyLimitBytes: 1024 * 1024, trustProxy: trustProxy.trustProxy },
    auth: {
      // Outside production a missing secret is replaced per process: tokens then die with the process.
      jwtSecret: vars.AUTH_JWT_SECRET ?? randomBytes(32).toString('hex'),
      accessTtlSeconds: vars.AUTH_ACCESS_TTL_SECONDS ?? 900,
      refreshTtlSeconds: vars.AUTH_REFRESH_TTL_SECONDS ?? 30 * 24 * 3600,
      maxFailedSignIns: vars.AUTH_MAX_FAILED_SIGN_INS ?? 5,
      lockoutSeconds: vars.AUTH_LOCKOUT_SECONDS ?? 900,
      maxFailedSignInsPerAddressPerMinute: vars.AUTH_FAILED_SIGN_INS_PER_ADDRESS_PER_MINUTE ?? 30,
      maxFailedSignInsPerMinute: vars.AUTH_FAILED_SIGN_INS_PER_MINUTE ?? 300,
      refreshGraceSeconds: vars.AUTH_REFRESH_GRACE_SECONDS ?? 30,
      cookieSecure: vars.AUTH_COOKIE_SECURE ?? environment === 'production',
      // argon2's defaults (64 MiB, 3 passes, 4 lanes) protect a stolen database. Tests sign in thousands of times on
      // throwaway databases, so there the cost is the smallest argon2 allows: the same code, a cheaper hash.
      passwordHashing: environment === 'test' ? { memoryCost: 1024, timeCost: 1, parallelism: 1 } : { memoryCost: 65536, timeCost: 3, parallelism: 4 },
    },
    observability: { metricsToken: vars.METRICS_TOKEN },
    signing: signingConfig(vars.PUBLIC_URL ?? `http://localhost:${vars.PORT ?? 3000}`, vars.SIGNING_RP_ID),
    storage: {
      directory: resolve(projectRoot(), vars.STORAGE_DIR ?? 'data/files'),
      evidenceMaxBytes: vars.EVIDENCE_MAX_BYTES ?? 20 * 1024 * 1024,
    },
    webhooks: {
      ...(vars.WEBHOOK_CA_FILE ? { caFile: resolve(projectRoot(), vars.WEBHOOK_CA_FILE) } : {}),
      timeoutMs: vars.WEBHOOK_TIMEOUT_MS ?? 10_000,
      maxAttempts: vars.WEBHOOK_MAX_ATTEMPTS ?? 8,
      retryDelayMs: vars.WEBHOOK_RETRY_DELAY_MS ?? 10_000,
    },
    mail: {
      ...(vars.SMTP_URL ? { smtpUrl: vars.SMTP_URL } : {}),
      from: vars.MAIL_FROM ?? 'Thi đua <thidua@localhost>',
      // Tests that set no folder write beside the system's temporary files, never into the project's data.
      folder: resolve(projectRoot(), vars.MAIL_DIR ?? (environment === 'test' ? join(tmpdir(), 'thidua-test-mail') : 'data/mail')),
      digestHour: vars.MAIL_DIGEST_HOUR ?? 7,
      pollMs: vars.MAIL_POLL_MS ?? 15_000,
      maxAttempts: vars.MAIL_MAX_ATTEMPTS ?? 6,
      retryDelayMs: vars.MAIL_RETRY_DELAY_MS ?? 30_000,
    },
    demo: { password: vars.DEMO_PASSWORD ?? 'thidua2020' },
  };
}
