import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase()) ? true : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase()) ? false : value;

/** Every environment variable thidua reads, with its rule. Validated once at boot. */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @IsString() @MinLength(1)
  SQLITE_PATH?: string;

  @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1-40 letters, digits, - or _' })
  QUEUE_PREFIX?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/, { message: 'REDIS_CLUSTER_NODES must list host:port, comma-separated' })
  REDIS_CLUSTER_NODES?: string;

  @IsOptional() @IsString() @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(30) @Max(86400)
  AUTH_ACCESS_TTL_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(31536000)
  AUTH_REFRESH_TTL_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  AUTH_MAX_FAILED_SIGN_INS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  AUTH_LOCKOUT_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  AUTH_FAILED_SIGN_INS_PER_ADDRESS_PER_MINUTE?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000000)
  AUTH_FAILED_SIGN_INS_PER_MINUTE?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(300)
  AUTH_REFRESH_GRACE_SECONDS?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  AUTH_COOKIE_SECURE?: boolean;

  /** Parsed by parseTrustProxy, which reports its own problems. */
  @IsOptional() @IsString()
  TRUST_PROXY?: string;

  @IsOptional() @IsString() @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters' })
  METRICS_TOKEN?: string;

  /** The address people open thidua at (passkeys are bound to it); default http://localhost:PORT. */
  @IsOptional() @Matches(/^https?:\/\/[^/\s]+\/?$/, { message: 'PUBLIC_URL must be an http(s) origin such as https://thidua.example.vn' })
  PUBLIC_URL?: string;

  @IsOptional() @Matches(/^[a-z0-9.-]+$/i, { message: 'SIGNING_RP_ID must be a host name' })
  SIGNING_RP_ID?: string;

  /** Folder of the uploaded files; a relative path is taken from the project root. */
  @IsOptional() @IsString() @MinLength(1)
  STORAGE_DIR?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(1024 * 1024 * 1024)
  EVIDENCE_MAX_BYTES?: number;

  /** PEM file of certificate authorities trusted for webhook endpoints (e.g. an internal CA); a relative path is taken from the project root. */
  @IsOptional() @IsString() @MinLength(1)
  WEBHOOK_CA_FILE?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(120000)
  WEBHOOK_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(30)
  WEBHOOK_MAX_ATTEMPTS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(3600000)
  WEBHOOK_RETRY_DELAY_MS?: number;

  /** The SMTP server of e-mail notices, e.g. smtps://user:password@mail.example.vn:465; unset: the local mail folder. */
  @IsOptional() @Matches(/^smtps?:\/\/[^\s/]+\/?(\?\S*)?$/, { message: 'SMTP_URL must look like smtp://host:587 or smtps://user:password@host:465' })
  SMTP_URL?: string;

  @IsOptional() @IsString() @MinLength(3)
  MAIL_FROM?: string;

  /** Folder of the local mail when no SMTP server is set; a relative path is taken from the project root. */
  @IsOptional() @IsString() @MinLength(1)
  MAIL_DIR?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(23)
  MAIL_DIGEST_HOUR?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(3600000)
  MAIL_POLL_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(30)
  MAIL_MAX_ATTEMPTS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(3600000)
  MAIL_RETRY_DELAY_MS?: number;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @IsString() @MinLength(8, { message: 'DEMO_PASSWORD must be at least 8 characters' })
  DEMO_PASSWORD?: string;
}
