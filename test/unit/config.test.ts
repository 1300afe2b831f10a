import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { loadSettings, parseDuration, SETTING_NAMES } from '../../server/src/config.js';

const VALID = { PUBLIC_URL: 'https://chat.example.com' };

describe('production settings (server/src/config.ts)', () => {
  it('needs only PUBLIC_URL, with defaults for the rest', () => {
    const result = loadSettings(VALID, '/srv/conecta');
    assert.ok(result.ok);
    assert.deepEqual(result.settings, {
      publicUrl: 'https://chat.example.com',
      host: '127.0.0.1',
      port: 8080,
      dataDir: '/srv/conecta/data',
      tokenTtlMs: 12 * 3_600_000,
      signOnTokenTtlMs: 15 * 60_000,
      smtpUrl: undefined,
      mailFrom: 'Conecta <no-reply@chat.example.com>',
      trustedProxyHops: 0,
      logLevel: 'info',
      metricsToken: undefined,
      sqliteSynchronous: 'normal',
      databaseUrl: undefined,
      databasePoolSize: 10,
      redisUrl: undefined,
      redisPrefix: 'conecta:',
      whatsappGraphUrl: undefined,
      whatsappGraphVersion: undefined,
    });
  });

  it('reads every setting it is given', () => {
    const result = loadSettings(
      {
        PUBLIC_URL: 'https://example.com/chat/',
        HOST: '0.0.0.0',
        PORT: '3000',
        DATA_DIR: '/var/lib/conecta',
        TOKEN_TTL: '8h',
        SIGN_ON_TOKEN_TTL: '5m',
        SMTP_URL: 'smtps://user:secret@mail.example.com:465',
        MAIL_FROM: 'Atendimento <atendimento@example.com>',
        TRUSTED_PROXY_HOPS: '1',
        LOG_LEVEL: 'warn',
        METRICS_TOKEN: 'a-long-enough-metrics-token',
        SQLITE_SYNCHRONOUS: 'full',
        DATABASE_URL: 'postgres://conecta:secret@db.example.com:5432/conecta',
        DATABASE_POOL_SIZE: '20',
        REDIS_URL: 'redis://redis.example.com:6379/2',
        REDIS_PREFIX: 'atendimento:',
        WHATSAPP_GRAPH_URL: 'https://graph-proxy.example.com',
        WHATSAPP_GRAPH_VERSION: 'v22.0',
      },
      '/ignored',
    );
    assert.ok(result.ok);
    assert.deepEqual(result.settings, {
      publicUrl: 'https://example.com/chat',
      host: '0.0.0.0',
      port: 3000,
      dataDir: '/var/lib/conecta',
      tokenTtlMs: 8 * 3_600_000,
      signOnTokenTtlMs: 5 * 60_000,
      smtpUrl: 'smtps://user:secret@mail.example.com:465',
      mailFrom: 'Atendimento <atendimento@example.com>',
      trustedProxyHops: 1,
      logLevel: 'warn',
      metricsToken: 'a-long-enough-metrics-token',
      sqliteSynchronous: 'full',
      databaseUrl: 'postgres://conecta:secret@db.example.com:5432/conecta',
      databasePoolSize: 20,
      redisUrl: 'redis://redis.example.com:6379/2',
      redisPrefix: 'atendimento:',
      whatsappGraphUrl: 'https://graph-proxy.example.com',
      whatsappGraphVersion: 'v22.0',
    });
  });

  it('reports every problem at once, one message each, naming the variable', () => {
    const result = loadSettings({
      PORT: '80000',
      TOKEN_TTL: 'forever',
      SIGN_ON_TOKEN_TTL: '10s',
      SMTP_URL: 'http://mail.example.com',
      MAIL_FROM: 'not an address',
      TRUSTED_PROXY_HOPS: '-1',
      LOG_LEVEL: 'verbose',
      METRICS_TOKEN: 'short',
      SQLITE_SYNCHRONOUS: 'off',
      DATABASE_URL: 'mysql://db.example.com/conecta',
      DATABASE_POOL_SIZE: '0',
      REDIS_URL: 'http://redis.example.com',
      REDIS_PREFIX: 'two words',
      WHATSAPP_GRAPH_URL: 'graph.facebook.com',
      WHATSAPP_GRAPH_VERSION: '21',
    });
    assert.ok(!result.ok);
    const starts = result.problems.map((problem) => problem.split(' ')[0]);
    // Every variable but HOST and DATA_DIR (any text is a host name or a path) has a problem here.
    assert.deepEqual(
      starts,
      SETTING_NAMES.filter((name) => name !== 'HOST' && name !== 'DATA_DIR'),
    );
    assert.match(result.problems[0]!, /required/);
    assert.match(result.problems[2]!, /a duration such as 12h.*got "forever"/);
    assert.match(result.problems[3]!, /between 1m and 1d, got "10s"/);
  });

  it('refuses several nodes (REDIS_URL) on SQLite, saying what to set', () => {
    const result = loadSettings({ ...VALID, REDIS_URL: 'redis://127.0.0.1:6379' });
    assert.ok(!result.ok);
    assert.deepEqual(result.problems.length, 1);
    assert.match(result.problems[0]!, /^REDIS_URL is set but DATABASE_URL is not: several nodes cannot share a SQLite file/);
  });

  it('refuses a public URL that is not http(s) or carries a query', () => {
    for (const PUBLIC_URL of ['chat.example.com', 'ftp://chat.example.com', 'https://chat.example.com/?a=1']) {
      const result = loadSettings({ PUBLIC_URL });
      assert.ok(!result.ok, PUBLIC_URL);
      assert.equal(result.problems.length, 1);
      assert.match(result.problems[0]!, /^PUBLIC_URL must/);
    }
  });

  it('treats an empty variable as unset', () => {
    const result = loadSettings({ ...VALID, SMTP_URL: '', PORT: ' ' });
    assert.ok(result.ok);
    assert.equal(result.settings.smtpUrl, undefined);
    assert.equal(result.settings.port, 8080);
  });

  it('parses durations with a unit', () => {
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('7d'), 7 * 86_400_000);
    assert.equal(parseDuration('12'), undefined);
    assert.equal(parseDuration('1.5h'), undefined);
  });

  it('has .env.example list every setting, with values it accepts', () => {
    const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const entries = [...text.matchAll(/^([A-Z_]+)=(.*)$/gm)].map(([, name, value]) => [name!, value!] as const);
    assert.deepEqual(entries.map(([name]) => name).sort(), [...SETTING_NAMES].sort());
    const result = loadSettings(Object.fromEntries(entries));
    assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
  });
});
