import { isAbsolute } from 'node:path';
import { ConfigurationError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('builds defaults for the embedded mode', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ dialect: 'sqlite', url: undefined, sqlitePath: 'data/thidua.sqlite' });
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'thidua' });
    expect(config.http.port).toBe(3000);
    expect(config.auth.jwtSecret).toHaveLength(64);
    // X-Forwarded-For is believed from no one until TRUST_PROXY names the proxies; /metrics needs an administrator.
    expect(config.http.trustProxy).toBe(false);
    expect(config.auth).toMatchObject({ maxFailedSignInsPerAddressPerMinute: 30, maxFailedSignInsPerMinute: 300, refreshGraceSeconds: 30 });
    expect(config.observability.metricsToken).toBeUndefined();
  });

  it("hashes passwords at argon2's own cost except in tests, where the cheapest hash keeps thousands of sign-ins fast", () => {
    for (const NODE_ENV of ['production', 'development'] as const) {
      expect(loadConfig({ NODE_ENV, AUTH_JWT_SECRET: 'x'.repeat(64) }).auth.passwordHashing).toEqual({ memoryCost: 65536, timeCost: 3, parallelism: 4 });
    }
    expect(loadConfig({ NODE_ENV: 'test' }).auth.passwordHashing).toEqual({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
  });

  it('reads the seed nodes of a Redis Cluster, and refuses a list that is not host:port', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000,redis-b.local:7001' }).redis.clusterNodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b.local', port: 7001 },
    ]);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1' })).toThrow('REDIS_CLUSTER_NODES must list host:port, comma-separated');
  });

  it('switches to PostgreSQL on DATABASE_URL and parses numbers', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db', PORT: '8080', AUTH_COOKIE_SECURE: 'false' });
    expect(config.database.dialect).toBe('postgresql');
    expect(config.http.port).toBe(8080);
    expect(config.auth.cookieSecure).toBe(false);
  });

  it('keeps uploaded files under data/files of the project root unless STORAGE_DIR says otherwise', () => {
    const defaults = loadConfig({}).storage;
    expect(defaults.directory).toMatch(/[\\/]data[\\/]files$/);
    expect(isAbsolute(defaults.directory)).toBe(true);
    expect(defaults.evidenceMaxBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ STORAGE_DIR: '/tmp/thidua-files', EVIDENCE_MAX_BYTES: '4096' }).storage).toEqual({ directory: '/tmp/thidua-files', evidenceMaxBytes: 4096 });
    expect(() => loadConfig({ EVIDENCE_MAX_BYTES: '12' })).toThrow(/EVIDENCE_MAX_BYTES/);
  });

  it('sends mail to the local folder data/mail unless SMTP_URL names a server, and refuses other URLs', () => {
    const defaults = loadConfig({}).mail;
    expect(defaults).toMatchObject({ from: 'Thi đua <thidua@localhost>', digestHour: 7, pollMs: 15_000, maxAttempts: 6, retryDelayMs: 30_000 });
    expect(defaults.smtpUrl).toBeUndefined();
    expect(defaults.folder).toMatch(/[\\/]data[\\/]mail$/);
    const smtp = loadConfig({ SMTP_URL: 'smtps://thidua:p%40ss@mail.example.vn:465', MAIL_DIGEST_HOUR: '18', MAIL_DIR: '/tmp/thidua-mail' }).mail;
    expect(smtp).toMatchObject({ smtpUrl: 'smtps://thidua:p%40ss@mail.example.vn:465', digestHour: 18, folder: '/tmp/thidua-mail' });
    expect(() => loadConfig({ SMTP_URL: 'https://mail.example.vn' })).toThrow(/SMTP_URL must look like/);
    expect(() => loadConfig({ MAIL_DIGEST_HOUR: '24' })).toThrow(/MAIL_DIGEST_HOUR/);
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'abc', REDIS_URL: 'http://x', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'true', METRICS_TOKEN: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/REDIS_URL/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/AUTH_JWT_SECRET/);
    expect(problems).toMatch(/TRUST_PROXY/);
    expect(problems).toMatch(/METRICS_TOKEN/);
  });
});
