import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { postJson, startTestServer } from './harness.js';
import { dropTestDatabase, testDatabaseOptions } from './test-database.js';
import { decodedBody, startSmtpSink } from './smtp-sink.js';

const BIN = fileURLToPath(new URL('../../server/bin/conecta-server.mjs', import.meta.url));
const PUBLIC_URL = 'https://atendimento.example.com';
const OWNER = 'dona@example.com';
const PASSWORD = 'a strong owner password';

/** Runs `conecta-server owner …` with only the given settings in its environment. */
function ownerCommand(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'owner', ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const linkIn = (text: string) => /https:\/\/atendimento\.example\.com\/set-password\/#token=([\w-]+)/.exec(text);

describe('conecta-server owner create', () => {
  let dataDir: string;
  let env: Record<string, string>;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'conecta-owner-'));
    // The same database as the test servers on this dir: a PostgreSQL schema under CONECTA_TEST_DATABASE=postgres.
    const { databaseUrl } = await testDatabaseOptions(dataDir);
    env = { DATA_DIR: dataDir, PUBLIC_URL, ...(databaseUrl && { DATABASE_URL: databaseUrl }) };
  });
  after(() => Promise.all([rm(dataDir, { recursive: true, force: true }), dropTestDatabase(dataDir)]));

  it('creates the owner and prints a one-time link that sets the password; then login works', async () => {
    const created = await ownerCommand(['create', '--email', ' Dona@Example.com ', '--name', 'Dona Clara'], env);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Owner created: Dona Clara <dona@example\.com>/);
    const token = linkIn(created.stdout)?.[1];
    assert.ok(token, created.stdout);

    // The server started later on the same data (no demo seed: the database has an agent already).
    const t = await startTestServer({ dataDir });
    try {
      assert.equal((await postJson(`${t.url}/api/auth/login`, { email: 'ana@demo.conecta.dev', password: 'conecta-demo' })).status, 401);
      assert.equal((await postJson(`${t.url}/api/auth/login`, { email: OWNER, password: '' })).status, 401, 'no usable password yet');
      assert.equal((await postJson(`${t.url}/api/auth/password`, { token, password: PASSWORD })).status, 200);
      const login = await postJson(`${t.url}/api/auth/login`, { email: OWNER, password: PASSWORD });
      assert.equal(login.status, 200);
      assert.equal(login.body.agent.role, 'owner');
      assert.equal(login.body.agent.name, 'Dona Clara');
      const [audit] = await t.server.repo
        .listAudit({ resource: 'agent', resourceId: login.body.agent.id, limit: 10 })
        .then((entries) => entries.slice(-1));
      assert.deepEqual([audit!.actor, audit!.action], [{ kind: 'cli', id: null }, 'create']);
    } finally {
      await t.close();
    }
  });

  it('refuses an e-mail that already has an agent (1), and --resend once the owner has a password (1)', async () => {
    const again = await ownerCommand(['create', '--email', OWNER], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    assert.equal(linkIn(again.stdout), null);
    const resend = await ownerCommand(['create', '--email', OWNER, '--resend'], env);
    assert.equal(resend.code, 1);
    assert.match(resend.stderr, /already set a password/);
  });

  it('with --resend, gives an owner who never set a password a new link; the old one stops working', async () => {
    const other = 'segundo@example.com';
    const first = await ownerCommand(['create', '--email', other], env);
    assert.equal(first.code, 0, first.stderr);
    const resent = await ownerCommand(['create', '--email', other, '--resend'], env);
    assert.equal(resent.code, 0, resent.stderr);
    const t = await startTestServer({ dataDir });
    try {
      const old = await postJson(`${t.url}/api/auth/password`, { token: linkIn(first.stdout)![1], password: PASSWORD });
      assert.equal(old.status, 400);
      assert.equal((await postJson(`${t.url}/api/auth/password`, { token: linkIn(resent.stdout)![1], password: PASSWORD })).status, 200);
    } finally {
      await t.close();
    }
    const unknown = await ownerCommand(['create', '--email', 'nobody@example.com', '--resend'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No agent has the e-mail/);
  });

  it('says what is wrong with the usage or settings (2)', async () => {
    const noUrl = await ownerCommand(['create', '--email', 'x@example.com'], { DATA_DIR: dataDir });
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /PUBLIC_URL is not set/);
    const badUrl = await ownerCommand(['create', '--email', 'x@example.com'], { DATA_DIR: dataDir, PUBLIC_URL: 'atendimento' });
    assert.equal(badUrl.code, 2);
    assert.match(badUrl.stderr, /PUBLIC_URL must be a URL/);
    const badEmail = await ownerCommand(['create', '--email', 'not-an-address'], env);
    assert.equal(badEmail.code, 2);
    assert.match(badEmail.stderr, /"not-an-address" is not a valid e-mail address/);
    const noEmail = await ownerCommand(['create'], env);
    assert.equal(noEmail.code, 2);
    assert.match(noEmail.stderr, /--email is required/);
    const noVerb = await ownerCommand(['delete', '--email', 'x@example.com'], env);
    assert.equal(noVerb.code, 2);
    assert.match(noVerb.stderr, /Usage: conecta-server owner create/);
  });

  it('also mails the link when SMTP_URL is set; when the mail fails it still prints a working link and exits 1', async () => {
    const sink = await startSmtpSink();
    try {
      const mailed = await ownerCommand(['create', '--email', 'terceira@example.com'], {
        ...env,
        SMTP_URL: sink.url,
        MAIL_FROM: 'Conecta <no-reply@example.com>',
      });
      assert.equal(mailed.code, 0, mailed.stderr);
      assert.match(mailed.stdout, /also mailed to terceira@example\.com/);
      assert.equal(sink.received.length, 1);
      assert.deepEqual(sink.received[0]!.to, ['terceira@example.com']);
      assert.ok(decodedBody(sink.received[0]!).includes(linkIn(mailed.stdout)![0]));

      sink.state.fail = true;
      const failed = await ownerCommand(['create', '--email', 'quarta@example.com'], { ...env, SMTP_URL: sink.url });
      assert.equal(failed.code, 1);
      assert.match(failed.stderr, /could not be sent/);
      assert.doesNotMatch(failed.stderr, /token=/);
      const t = await startTestServer({ dataDir });
      try {
        assert.equal((await postJson(`${t.url}/api/auth/password`, { token: linkIn(failed.stdout)![1], password: PASSWORD })).status, 200);
      } finally {
        await t.close();
      }
    } finally {
      await sink.close();
    }
  });
});
