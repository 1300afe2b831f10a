import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { io } from 'socket.io-client';
import type { AgentToken } from '../../src/client/agent-token.js';
import { ConectaClient } from '../../src/client/client.js';
import type { ConectaSocket, SocketFactory } from '../../src/client/socket/types.js';
import { until } from './support.js';
import { ANA, DEMO_PASSWORD, startTestServer, type TestServer } from '../server/harness.js';

/** socket.io-client sockets, kept so a test can tell whether the client's socket was replaced or dropped. */
function recordedSockets() {
  const made: ConectaSocket[] = [];
  const disconnects: string[] = [];
  const factory: SocketFactory = (url, options) => {
    const socket = (io as unknown as SocketFactory)(url, options);
    socket.on('disconnect', (reason: string) => disconnects.push(reason));
    made.push(socket);
    return socket;
  };
  return { made, disconnects, factory };
}

describe('ConectaClient signed on through getToken()', () => {
  let server: TestServer;
  const clients: ConectaClient[] = [];

  before(async () => {
    server = await startTestServer();
  });

  after(async () => {
    for (const client of clients) client.close();
    await server.close();
  });

  /** Stands for the CRM's back end: a fresh login per call, counted. */
  const crmBackEnd = () => {
    const backEnd = {
      calls: 0,
      down: false,
      issued: [] as string[],
      getToken: async (): Promise<AgentToken> => {
        backEnd.calls += 1;
        if (backEnd.down) throw new Error('CRM back end unavailable');
        const signOn = await ConectaClient.login(server.url, ANA, DEMO_PASSWORD);
        backEnd.issued.push(signOn.token);
        return signOn;
      },
    };
    return backEnd;
  };

  const logout = (token: string) =>
    fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then((response) =>
      assert.equal(response.status, 200),
    );

  it('signs on with the token getToken() gives, and the page shares that client per server', async () => {
    const backEnd = crmBackEnd();
    const client = ConectaClient.shared({ server: server.url, getToken: backEnd.getToken, socketFactory: recordedSockets().factory });
    clients.push(client);
    assert.equal(ConectaClient.shared({ server: `${server.url}/`, getToken: crmBackEnd().getToken }), client);
    await client.loadQueue();
    assert.equal(client.store.state.me?.email, ANA);
    assert.equal(client.status, 'connected');
    assert.equal(backEnd.calls, 1);
    client.close();
  });

  it('a token revoked elsewhere: asks getToken for a new one and goes on, commands working again on the same socket object', async () => {
    const backEnd = crmBackEnd();
    const sockets = recordedSockets();
    const client = new ConectaClient({
      server: server.url,
      getToken: backEnd.getToken,
      socketFactory: sockets.factory,
      commandTimeoutMs: 2_000,
    });
    clients.push(client);
    await client.loadQueue();
    await logout(backEnd.issued[0]!);
    await until(client, (state) => state.connection !== 'connected');
    await until(client, (state) => state.connection === 'connected');
    assert.equal(backEnd.calls, 2);
    assert.equal(client.store.state.authEnded, undefined);
    await client.loadQueue(); // commands work under the new token
    assert.equal(sockets.made.length, 1, 'the same socket object reconnected');
    client.close();
  });

  it('a token revoked elsewhere, and getToken fails: the client shows the ended sign-in and stays down', async () => {
    const backEnd = crmBackEnd();
    const client = new ConectaClient({ server: server.url, getToken: backEnd.getToken, socketFactory: recordedSockets().factory });
    clients.push(client);
    await client.loadQueue();
    backEnd.down = true;
    await logout(backEnd.issued[0]!);
    await until(client, (state) => state.authEnded !== undefined);
    assert.equal(client.store.state.authEnded, 'revoked');
    assert.equal(client.status, 'disconnected');
    assert.equal(backEnd.calls, 2, 'getToken asked once after the end');
    client.close();
  });

  it('without getToken, a revoked token ends the sign-in: shown in the state, no reconnection loop', async () => {
    const { token } = await ConectaClient.login(server.url, ANA, DEMO_PASSWORD);
    const sockets = recordedSockets();
    const client = new ConectaClient({ server: server.url, token, socketFactory: sockets.factory });
    clients.push(client);
    await client.loadQueue();
    await logout(token);
    await until(client, (state) => state.authEnded !== undefined);
    assert.equal(client.store.state.authEnded, 'revoked');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(client.status, 'disconnected');
    assert.equal(sockets.made[0]!.active, false, 'not trying again with a dead token');
    client.close();
  });

  it('getToken failing at the first connection: the sign-in is refused, and commands fail instead of waiting', async () => {
    const backEnd = crmBackEnd();
    backEnd.down = true;
    const client = new ConectaClient({
      server: server.url,
      getToken: backEnd.getToken,
      socketFactory: recordedSockets().factory,
      maxAttempts: 1,
      commandTimeoutMs: 500,
    });
    clients.push(client);
    const waiting = client.loadQueue();
    await until(client, (state) => state.authEnded === 'refused');
    assert.equal(client.status, 'disconnected');
    await assert.rejects(waiting, { code: 'DISCONNECTED' });
    await assert.rejects(client.loadQueue(), { code: 'UNAUTHENTICATED' });
    client.close();
  });

  it('requestPasswordReset posts the address to /api/auth/password-reset', async () => {
    // The reset route is the passwords branch's: here only the request the client makes is checked.
    const seen: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      seen.push({ url: String(input), method: init?.method, body: init?.body });
      return new Response(JSON.stringify({ ok: true }), { status: 202, headers: { 'content-type': 'application/json' } });
    };
    try {
      assert.deepEqual(await ConectaClient.requestPasswordReset(`${server.url}/`, 'ana@example.com'), { ok: true });
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.deepEqual(seen, [
      { url: `${server.url}/api/auth/password-reset`, method: 'POST', body: JSON.stringify({ email: 'ana@example.com' }) },
    ]);
  });
});

describe('ConectaClient and short-lived tokens', () => {
  let server: TestServer;
  const clients: ConectaClient[] = [];
  const TTL_MS = 2_000;

  before(async () => {
    // The sweep closes sockets whose token expired, every 100 ms.
    server = await startTestServer({ tokenTtlMs: TTL_MS, tokenSweepMs: 100 });
  });

  after(async () => {
    for (const client of clients) client.close();
    await server.close();
  });

  it('renews the token before it expires, on the same socket: same socket id, never disconnected', async () => {
    let calls = 0;
    const getToken = async () => {
      calls += 1;
      return ConectaClient.login(server.url, ANA, DEMO_PASSWORD);
    };
    const sockets = recordedSockets();
    const client = new ConectaClient({ server: server.url, getToken, socketFactory: sockets.factory });
    clients.push(client);
    await client.loadQueue();
    const socketId = (sockets.made[0] as unknown as { id: string }).id;
    assert.ok(socketId);
    // Three lifetimes: without auth.refresh the sweep would have ended the socket twice over.
    await new Promise((resolve) => setTimeout(resolve, 3 * TTL_MS));
    assert.ok(calls >= 4, `getToken asked at connection and at each 80 % of a lifetime (${calls})`);
    assert.deepEqual(sockets.disconnects, []);
    assert.equal((sockets.made[0] as unknown as { id: string }).id, socketId);
    assert.equal(client.store.state.authEnded, undefined);
    await client.loadQueue();
    client.close();
  });

  it('without getToken, the token expires: the client says so (expired) and stays down', async () => {
    const { token } = await ConectaClient.login(server.url, ANA, DEMO_PASSWORD);
    const client = new ConectaClient({ server: server.url, token, socketFactory: recordedSockets().factory });
    clients.push(client);
    await client.loadQueue();
    await until(client, (state) => state.authEnded !== undefined, TTL_MS + 3_000);
    assert.equal(client.store.state.authEnded, 'expired');
    assert.equal(client.status, 'disconnected');
  });
});
