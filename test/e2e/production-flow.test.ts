import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error: a plain JavaScript example (docs/examples/crm), run here as a CRM developer would.
import { startCrmBackend } from '../../docs/examples/crm/backend.mjs';
import { chromeArgs, findChrome } from '../support/chrome.mjs';
import { connectVisitor, postJson } from '../server/harness.js';
import { decodedBody, startSmtpSink } from '../server/smtp-sink.js';

const BIN = fileURLToPath(new URL('../../server/bin/conecta-server.mjs', import.meta.url));
const OWNER = { email: 'olga@acme.example', name: 'Olga Prado', password: 'uma senha longa da Olga' };
const AGENT = { id: 'ag-rafael', email: 'rafael@acme.example', name: 'Rafael Nunes' };

/** The company's configuration, as its operator keeps it in version control. */
const COMPANY_YAML = `
teams:
  - id: tm-atendimento
    name: Atendimento
    waitingTimeout: 4h
agents:
  - id: ${AGENT.id}
    name: ${AGENT.name}
    email: ${AGENT.email}
    role: agent
    teamIds: [tm-atendimento]
webchatChannels:
  - id: site
    name: Site da Acme
    teamIds: [tm-atendimento]
    allowedOrigins: ['https://www.acme.example']
    identitySecret: \${SITE_IDENTITY_SECRET}
`;

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs a `conecta-server` command to its end: exit code and output. */
function command(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** `conecta-server start`, resolved once it listens. */
function start(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'start'], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/listening on http:\/\/\S+,/.test(stderr)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`conecta-server start exited with ${code}:\n${stderr}`)));
  });
}

/**
 * Issue 9's "done when", as a company's operator and a CRM's developers would go through it: the
 * production entry point on an empty data directory, the owner from the command line, the password
 * through the mailed link, the company applied from a file, an agent signed on through an API key by a
 * CRM's back end, a webchat session accepted in the CRM, and the key's revocation ending the agent's socket.
 */
describe('a company starts Conecta in production', () => {
  let dataDir: string;
  let url: string;
  let env: Record<string, string>;
  let server: ChildProcess | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let browser: Browser;
  let crm: { url: string; close(): Promise<void> } | undefined;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'conecta-company-'));
    smtp = await startSmtpSink();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, SMTP_URL: smtp.url, LOG_LEVEL: 'warn' };
    browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs.filter((arg) => !arg.startsWith('--headless')) });
  });

  after(async () => {
    await crm?.close();
    await browser?.close();
    server?.kill('SIGTERM');
    await smtp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('goes from an empty data directory to an agent of the company accepting a webchat session in its CRM', async () => {
    // 1. The first owner, from the command line: a one-time link, printed and mailed.
    const created = await command(['owner', 'create', '--email', OWNER.email, '--name', OWNER.name], env);
    assert.equal(created.code, 0, created.stderr);
    server = await start(env);
    const printed = new RegExp(`${url}/set-password/#token=[\\w-]+`).exec(created.stdout)?.[0];
    assert.ok(printed, `a link in what owner create printed:\n${created.stdout}`);
    const mail = smtp.received.find((received) => received.to.includes(OWNER.email));
    assert.ok(mail, 'the link was mailed to the owner');
    const link = new RegExp(`${url}/set-password/#token=[\\w-]+`).exec(decodedBody(mail))?.[0];
    assert.equal(link, printed, 'the mail holds the same link');

    // Nothing of the demo: no demo page, no demo login.
    assert.equal((await fetch(`${url}/agent/`)).status, 404);

    // 2. The owner sets the password in the page the link opens.
    const page = await browser.newPage({ locale: 'pt-BR' });
    await page.goto(link);
    await page.getByLabel('Nova senha', { exact: true }).fill(OWNER.password);
    await page.getByLabel('Repita a nova senha').fill(OWNER.password);
    await page.getByRole('button', { name: 'Salvar senha' }).click();
    await page.getByText('Senha salva.').waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'Ir para a mesa do agente' }).count(),
      0,
      'no link to a desk this server does not serve',
    );
    await page.close();
    const login = await postJson(`${url}/api/auth/login`, { email: OWNER.email, password: OWNER.password });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const ownerToken = login.body.token as string;

    // 3. The company's configuration, from a file (twice: the second changes nothing).
    const file = join(dataDir, 'company.yaml');
    await writeFile(file, COMPANY_YAML);
    const applyEnv = { ...env, SITE_IDENTITY_SECRET: 'a-secret-from-the-vault-0123456789' };
    const applied = await command(['apply', file], applyEnv);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    assert.doesNotMatch(applied.stdout, /a-secret-from-the-vault/, 'the secret is never printed');
    const again = await command(['apply', file], applyEnv);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /no changes/i);

    // 4. An API key for the CRM, through the admin API.
    const keyAnswer = await fetch(`${url}/api/admin/v1/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Acme CRM' }),
    });
    assert.equal(keyAnswer.status, 201);
    const { apiKey, secret } = (await keyAnswer.json()) as { apiKey: { id: string }; secret: string };

    // 5. The CRM's back end holds the key; its page signs Rafael on as an agent.
    crm = (await startCrmBackend({ conectaUrl: url, apiKey: secret, port: 0 })) as { url: string; close(): Promise<void> };
    const desk = await browser.newPage({ locale: 'pt-BR', viewport: { width: 1280, height: 900 } });
    desk.on('pageerror', (error) => console.error('[crm page error]', error));
    await desk.goto(crm.url);
    const crmLogin = desk.getByRole('form', { name: 'Entrar no CRM' });
    await crmLogin.getByLabel('E-mail').fill(AGENT.email);
    await crmLogin.getByRole('button', { name: 'Entrar' }).click();
    await desk.locator('conecta-queue [part="base"]').waitFor();

    // The channel serves the company's site only.
    const elsewhere = await fetch(`${url}/api/webchat/site/visitors`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(elsewhere.status, 403);

    // 6. A visitor writes on the company's webchat; Rafael accepts and answers.
    const visitor = await connectVisitor(url, 'site');
    const sessionId = crypto.randomUUID();
    await visitor.ok('webchat.start', { sessionId, name: 'Marina Costa', email: null, teamId: 'tm-atendimento' });
    await visitor.ok('message.send', { id: crypto.randomUUID(), sessionId, text: 'Meu pedido não chegou' });
    await desk.getByRole('button', { name: 'Aceitar atendimento de Marina Costa' }).click();
    await desk.locator('conecta-session').getByText('Meu pedido não chegou').waitFor();

    // 7. Revoking the key ends Rafael's sign-on: his elements say so.
    const revoked = await fetch(`${url}/api/admin/v1/api-keys/${apiKey.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ownerToken}` },
    });
    assert.equal(revoked.status, 200);
    await desk.locator('conecta-queue [part="auth-ended"]').waitFor();
    visitor.close();
    await desk.close();
  });
});
