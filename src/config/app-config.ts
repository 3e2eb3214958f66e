/** The typed configuration, one namespace per concern. Built once from the environment at boot. */
export interface DatabaseConfig {
  dialect: 'sqlite' | 'postgresql';
  /** File path for SQLite, connection URL for PostgreSQL. */
  sqlitePath: string;
  url?: string;
}

export interface RedisConfig {
  url: string;
  /** Key prefix of every queue and Redis key of this deployment or test run. */
  prefix: string;
  /** Seed nodes of a Redis Cluster (REDIS_CLUSTER_NODES); when set, `url` is not used. */
  clusterNodes?: Array<{ host: string; port: number }>;
}

export interface HttpConfig {
  host: string;
  port: number;
  bodyLimitBytes: number;
  /** Express's `trust proxy`: which peers may say who the client is in X-Forwarded-For (false: none). */
  trustProxy: false | number | string[];
}

export interface AuthConfig {
  jwtSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  maxFailedSignIns: number;
  lockoutSeconds: number;
  /** Failed sign-ins per minute from one address (any usernames), and from everywhere: caps argon2's CPU. */
  maxFailedSignInsPerAddressPerMinute: number;
  maxFailedSignInsPerMinute: number;
  /** How long a just-rotated refresh token still renews the session (another tab refreshing at the same time). */
  refreshGraceSeconds: number;
  cookieSecure: boolean;
  passwordHashing: PasswordHashing;
}

/** argon2id's cost: memory in KiB, passes and lanes. */
export interface PasswordHashing {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export interface ObservabilityConfig {
  /** Bearer token that lets a scraper read /metrics without a session; unset: administrators only. */
  metricsToken?: string;
}

export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  logLevel: string;
  database: DatabaseConfig;
  redis: RedisConfig;
  http: HttpConfig;
  auth: AuthConfig;
  observability: ObservabilityConfig;
  signing: SigningConfig;
  storage: StorageConfig;
  webhooks: WebhooksConfig;
  mail: MailConfig;
  demo: { password: string };
}

/** Sending webhooks: whom to trust, how long to wait, how often to retry. */
export interface WebhooksConfig {
  /** PEM file of extra certificate authorities trusted for webhook endpoints only (WEBHOOK_CA_FILE), besides Node's. */
  caFile?: string;
  /** How long one attempt may take, in milliseconds (WEBHOOK_TIMEOUT_MS; default 10 s). */
  timeoutMs: number;
  /** Attempts in all before a delivery is marked failed (WEBHOOK_MAX_ATTEMPTS; default 8). */
  maxAttempts: number;
  /** The first retry's delay in milliseconds, doubled at each retry (WEBHOOK_RETRY_DELAY_MS; default 10 s: 8 attempts span about 21 minutes). */
  retryDelayMs: number;
}

/** E-mail notices: through an SMTP server when one is configured, else into a local mail folder. */
export interface MailConfig {
  /** smtp:// or smtps:// URL, credentials included (SMTP_URL); unset: messages are written as .eml files to `folder`. */
  smtpUrl?: string;
  /** The From header (MAIL_FROM; default "Thi đua <thidua@localhost>"). */
  from: string;
  /** Absolute folder of the local mail (MAIL_DIR, relative paths from the project root; default data/mail). */
  folder: string;
  /** The hour (0–23, Vietnam time) from which the daily digests go out (MAIL_DIGEST_HOUR; default 7). */
  digestHour: number;
  /** How often the worker turns new notices into mail, in milliseconds (MAIL_POLL_MS; default 15 s). */
  pollMs: number;
  /** Attempts in all before a message is marked failed (MAIL_MAX_ATTEMPTS; default 6). */
  maxAttempts: number;
  /** The first retry's delay in milliseconds, doubled at each retry (MAIL_RETRY_DELAY_MS; default 30 s). */
  retryDelayMs: number;
}

/** Where uploaded files (evidence) are kept, and how big one may be. */
export interface StorageConfig {
  /** Absolute folder of the local-disk store (STORAGE_DIR, relative paths from the project root; default data/files). */
  directory: string;
  /** Largest evidence file accepted, in bytes (EVIDENCE_MAX_BYTES; default 20 MiB). */
  evidenceMaxBytes: number;
}

/** WebAuthn's view of this site, for passkey signatures. */
export interface SigningConfig {
  /** The origin people open the pages at, e.g. https://thidua.vks.gov.vn. */
  origin: string;
  /** The relying-party id: the origin's host name unless set. */
  rpId: string;
  rpName: string;
}
