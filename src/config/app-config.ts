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
}

export interface HttpConfig {
  host: string;
  port: number;
  bodyLimitBytes: number;
}

export interface AuthConfig {
  jwtSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  maxFailedSignIns: number;
  lockoutSeconds: number;
  cookieSecure: boolean;
}

export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  logLevel: string;
  database: DatabaseConfig;
  redis: RedisConfig;
  http: HttpConfig;
  auth: AuthConfig;
  demo: { password: string };
}
