import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  INVITE_LINK_TTL_MS,
  NO_PASSWORD,
  PASSWORD_LINK_REFUSALS,
  RESET_LINK_TTL_MS,
  RESET_MAILS_PER_HOUR,
} from '../../server/src/domain/passwords.js';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  DEMO_PASSWORD,
  TestClock,
  connectAgent,
  delay,
  loginAgent,
  postJson,
  startTestServer,
  type TestServer,
} from './harness.js';
import { decodedBody, startSmtpSink } from './smtp-sink.js';

const CARLA = { id: 'ag-carla', name: 'Carla <Dias>', email: 'carla@example.com' };
const NEW_PASSWORD = 'a new password';

/** An agent with no usable password, as the admin API or the command line makes one. */
async function addInvitedAgent(t: TestServer, agent = CARLA): Promise<void> {
  await t.server.repo.insertAgent(
    {
      ...agent,
      nickname: null,
      extension: null,
      teamIds: [],
      role: 'agent',
      permissions: { history: false, internalChat: false, statistics: false, bulkActions: false, startConversations: false },
      passwordHash: NO_PASSWORD.hash,
      passwordSalt: NO_PASSWORD.salt,
    },
    Date.now(),
  );
}

const tokenOf = (link: string) => {
  const match = /\/set-password\/#token=([\w-]+)$/.exec(link);
  assert.ok(match, `not a set-password link: ${link}`);
  return match[1]!;
};
const linkIn = (text: string) => /https?:\/\/\S+\/set-password\/#token=[\w-]+/.exec(text)?.[0];

const setPassword = (t: TestServer, token: string, password: string) => postJson(`${t.url}/api/auth/password`, { token, password });
const requestReset = (t: TestServer, email: unknown) => postJson(`${t.url}/api/auth/password-reset`, { email });
const login = (t: TestServer, email: string, password: string) => postJson(`${t.url}/api/auth/login`, { email, password });

/** Flips an agent's `active` flag through a second connection (the admin API that does it lands elsewhere). */
async function setActive(t: TestServer, agentId: string, active: boolean): Promise<void> {
  await t.server.database.sql.exec('UPDATE agents SET active = ? WHERE id = ?', active ? 1 : 0, agentId);
}

describe('password links', () => {
  let t: TestServer;
  const clock = new TestClock(Date.now());
  before(async () => {
    t = await startTestServer({ now: clock.now, publicUrl: 'https://atendimento.example.com/' });
  });
  after(() => t.close());
  afterEach(() => t.server.outbox!.clear());

  it('invites an agent with no password: the mailed link sets it once, then login works', async () => {
    await addInvitedAgent(t);
    assert.equal((await login(t, CARLA.email, '')).status, 401, 'no usable password before the invite');

    const { link } = await t.server.services.passwords.invite(CARLA.id);
    assert.match(link, /^https:\/\/atendimento\.example\.com\/set-password\/#token=pwd_[\w-]{43}$/);
    const mail = t.server.outbox!.last(CARLA.email)!;
    assert.equal(mail.subject, 'Seu acesso ao Conecta');
    assert.equal(linkIn(mail.text), link);
    assert.ok(mail.text.startsWith('Olá, Carla <Dias>!'));
    assert.ok(mail.html!.includes(`<a href="${link}">Criar minha senha</a>`));
    assert.ok(mail.html!.includes('Carla &lt;Dias&gt;'), 'the name is escaped in the HTML');

    const first = await setPassword(t, tokenOf(link), NEW_PASSWORD);
    assert.deepEqual([first.status, first.body], [200, { ok: true }]);
    assert.equal((await login(t, CARLA.email, NEW_PASSWORD)).status, 200);

    const again = await setPassword(t, tokenOf(link), 'yet another password');
    assert.equal(again.status, 400);
    assert.equal(again.body.error.fields.token, PASSWORD_LINK_REFUSALS.used);
    assert.equal((await login(t, CARLA.email, NEW_PASSWORD)).status, 200, 'the second use changed nothing');
  });

  it('refuses a link that was never issued', async () => {
    const { status, body } = await setPassword(t, 'pwd_made-up', NEW_PASSWORD);
    assert.equal(status, 400);
    assert.equal(body.error.fields.token, PASSWORD_LINK_REFUSALS.unknown);
  });

  it('a newer link replaces the earlier one', async () => {
    const { link: older } = await t.server.services.passwords.invite(CARLA.id);
    const { link: newer } = await t.server.services.passwords.invite(CARLA.id, { mail: false });
    assert.equal(t.server.outbox!.mails().length, 1, 'mail: false sends nothing');
    assert.equal((await setPassword(t, tokenOf(older), NEW_PASSWORD)).body.error.fields.token, PASSWORD_LINK_REFUSALS.used);
    assert.equal((await setPassword(t, tokenOf(newer), NEW_PASSWORD)).status, 200);
  });

  it('an invite link lasts 7 days, a reset link 1 hour', async () => {
    const { link: invite } = await t.server.services.passwords.invite(CARLA.id, { mail: false });
    clock.advance(INVITE_LINK_TTL_MS);
    const expired = await setPassword(t, tokenOf(invite), NEW_PASSWORD);
    assert.equal(expired.status, 400);
    assert.equal(expired.body.error.fields.token, PASSWORD_LINK_REFUSALS.expired);
    assert.match(expired.body.error.message, /expired/);

    const { link: stillValid } = await t.server.services.passwords.invite(CARLA.id, { mail: false });
    clock.advance(INVITE_LINK_TTL_MS - 1);
    assert.equal((await setPassword(t, tokenOf(stillValid), NEW_PASSWORD)).status, 200);

    assert.equal((await requestReset(t, CARLA.email)).status, 202);
    const reset = linkIn(t.server.outbox!.last(CARLA.email)!.text)!;
    clock.advance(RESET_LINK_TTL_MS);
    assert.equal((await setPassword(t, tokenOf(reset), NEW_PASSWORD)).body.error.fields.token, PASSWORD_LINK_REFUSALS.expired);
  });

  it('asks for at least 10 characters, and no more than login accepts', async () => {
    const { link } = await t.server.services.passwords.invite(CARLA.id, { mail: false });
    const short = await setPassword(t, tokenOf(link), '123456789');
    assert.equal(short.status, 400);
    assert.match(short.body.error.fields.password, /at least 10 characters/);
    const long = await setPassword(t, tokenOf(link), 'x'.repeat(1025));
    assert.equal(long.status, 400);
    assert.match(long.body.error.fields.password, /at most 1024/);
    // Characters, not UTF-16 units: ten accented letters and emoji are ten characters.
    assert.equal((await setPassword(t, tokenOf(link), 'çãé😀😀😀😀😀😀😀')).status, 200, 'a refused password leaves the link usable');
    assert.equal((await login(t, CARLA.email, 'çãé😀😀😀😀😀😀😀')).status, 200);
  });

  it('names the bad field', async () => {
    const noToken = await postJson(`${t.url}/api/auth/password`, { password: NEW_PASSWORD });
    assert.equal(noToken.status, 400);
    assert.ok(noToken.body.error.fields.token);
    const numberPassword = await postJson(`${t.url}/api/auth/password`, { token: 'pwd_x', password: 1234567890 });
    assert.equal(numberPassword.body.error.fields.password, 'must be a string');
    assert.equal((await requestReset(t, 42)).body.error.fields.email, 'must be a string');
    assert.equal((await requestReset(t, 'not an address')).body.error.fields.email, 'is not an e-mail address');
  });

  it('a reset of an unknown or deactivated address answers the same and sends nothing', async () => {
    const unknown = await requestReset(t, 'nobody@example.com');
    assert.deepEqual([unknown.status, unknown.body], [202, { ok: true }]);
    await setActive(t, CARLA.id, false);
    try {
      const inactive = await requestReset(t, CARLA.email);
      assert.deepEqual([inactive.status, inactive.body], [202, { ok: true }]);
      await assert.rejects(t.server.services.passwords.invite(CARLA.id), /deactivated/);
    } finally {
      await setActive(t, CARLA.id, true);
    }
    assert.deepEqual(t.server.outbox!.mails(), []);
  });

  it('a deactivated agent cannot use a link it got before', async () => {
    const { link } = await t.server.services.passwords.invite(CARLA.id, { mail: false });
    await setActive(t, CARLA.id, false);
    try {
      assert.equal((await setPassword(t, tokenOf(link), NEW_PASSWORD)).body.error.fields.token, PASSWORD_LINK_REFUSALS.unknown);
    } finally {
      await setActive(t, CARLA.id, true);
    }
  });

  it('a reset signs the agent out everywhere: its tokens are deleted and its sockets closed', async () => {
    const token = await loginAgent(t.url, BRUNO);
    const socket = await connectAgent(t.url, token);
    const disconnected = new Promise((resolve) => socket.socket.once('disconnect', resolve));

    const answer = await requestReset(t, `  ${BRUNO.toUpperCase()} `);
    assert.deepEqual([answer.status, answer.body], [202, { ok: true }]);
    const mail = t.server.outbox!.last(BRUNO)!;
    assert.equal(mail.subject, 'Redefinição de senha do Conecta');
    assert.ok(mail.text.startsWith(`Olá, ${DEMO_AGENTS.bruno.name}!`));
    const link = linkIn(mail.text)!;
    assert.equal((await login(t, BRUNO, DEMO_PASSWORD)).status, 200, 'asking for a reset changes nothing yet');

    assert.equal((await setPassword(t, tokenOf(link), NEW_PASSWORD)).status, 200);
    await Promise.race([disconnected, delay(3000).then(() => assert.fail('the socket of the old token is still open'))]);
    assert.equal(await t.server.services.auth.authenticate(token), null);
    const logout = await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${token}` });
    assert.equal(logout.status, 401);
    assert.equal((await login(t, BRUNO, DEMO_PASSWORD)).status, 401);
    assert.equal((await login(t, BRUNO, NEW_PASSWORD)).status, 200);
  });

  it('sends one agent at most 3 reset mails an hour', async () => {
    clock.advance(2 * 60 * 60_000);
    for (let n = 0; n < RESET_MAILS_PER_HOUR + 1; n++) assert.equal((await requestReset(t, ANA)).status, 202);
    assert.equal(t.server.outbox!.mails(ANA).length, RESET_MAILS_PER_HOUR);
    clock.advance(60 * 60_000);
    assert.equal((await requestReset(t, ANA)).status, 202);
    assert.equal(t.server.outbox!.mails(ANA).length, RESET_MAILS_PER_HOUR + 1, 'an hour later it may ask again');
  });
});

describe('password routes rate limits', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ rateLimits: { passwordResets: { perAddress: { perSecond: 0.001, burst: 2 } } } });
  });
  after(() => t.close());

  it('throttles reset requests per client address, whatever the address asked for', async () => {
    assert.equal((await requestReset(t, 'one@example.com')).status, 202);
    assert.equal((await requestReset(t, 'two@example.com')).status, 202);
    const third = await requestReset(t, 'three@example.com');
    assert.equal(third.status, 429);
    assert.equal(third.body.error.code, 'RATE_LIMITED');
    assert.ok(Number(third.headers.get('retry-after')) > 0);
  });
});

describe('password e-mails that cannot be sent', () => {
  let t: TestServer;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const logged: unknown[][] = [];
  const consoleError = console.error;
  before(async () => {
    sink = await startSmtpSink();
    t = await startTestServer({ smtpUrl: sink.url, mailFrom: 'Conecta <no-reply@conecta.test>' });
    await addInvitedAgent(t);
    console.error = (...args: unknown[]) => void logged.push(args);
  });
  after(async () => {
    console.error = consoleError;
    await t.close();
    await sink.close();
  });

  it('go over SMTP when an SMTP URL is set, with no outbox kept', async () => {
    assert.equal(t.server.outbox, undefined);
    const { link } = await t.server.services.passwords.invite(CARLA.id);
    assert.equal(sink.received.length, 1);
    assert.deepEqual(sink.received[0]!.to, [CARLA.email]);
    assert.equal(sink.received[0]!.from, 'no-reply@conecta.test');
    assert.ok(decodedBody(sink.received[0]!).includes(link));
  });

  it('are logged without the link, and the caller gets a clear error', async () => {
    sink.state.fail = true;
    try {
      await assert.rejects(t.server.services.passwords.invite(CARLA.id), (error: Error & { code?: string }) => {
        assert.equal(error.code, 'INTERNAL');
        assert.match(error.message, /could not be sent.*SMTP/);
        return true;
      });
      // A reset answers as always: a failure must not tell that the address has an account.
      assert.deepEqual((await requestReset(t, CARLA.email)).body, { ok: true });
      for (let n = 0; n < 50 && logged.length < 2; n++) await delay(20);
    } finally {
      sink.state.fail = false;
    }
    assert.equal(logged.length, 2);
    const text = logged
      .map((args) => args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : JSON.stringify(arg))).join(' '))
      .join('\n');
    assert.match(text, /carla@example\.com/);
    assert.match(text, /550|Mailbox unavailable/);
    assert.doesNotMatch(text, /pwd_|set-password/);
  });
});
