import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { COMMAND_EVENT, type Ack, type CommandResults, type Message, type ServerEvents } from '../../src/protocol/index.js';
import { ANA, DEMO_CHANNEL_KEY, delay, loginAgent, postJson } from '../server/harness.js';
import { seededRandom, type Random } from '../server/hostile-values.js';
import { dropTestDatabase, openTestDatabase, TEST_ENGINE } from '../server/test-database.js';
import { freePort, KillableServer } from './killable-server.js';

/**
 * Issue 13, "Crash": clients write without pause while their server is killed with SIGKILL and started
 * again, ten times. A message whose send was acknowledged must be stored, exactly once, whatever the
 * moment of the kill (an acknowledgement promises a commit: docs/scaling.md); a send caught by the
 * kill is retried with the same id after the reconnection, as the SDK's outbox does, and must never
 * make a second row; and what each client saw (answers, events, its resync) must be the database.
 * Seeded: the moments of the kills replay from SEED.
 */
const SEED = 1303;
const CRASHES = 10;

/** A uuid from the seeded generator, so a failing run replays with the same ids. */
const seededUuid = (random: Random) =>
  [8, 4, 4, 4, 12].map((length) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('')).join('-');

const connectedOnce = (socket: Socket) => new Promise<void>((resolve) => socket.once('connect', () => resolve()));

interface Seen {
  seq: number;
  text: string;
}

/**
 * One client (the SDK's way): reconnects by itself, sends one message at a time, and sends a message
 * caught by a disconnection again with the same id until it is acknowledged. Records everything it
 * was told about its session: its answers and the server's `message.created` events.
 */
class Writer {
  readonly socket: Socket;
  readonly acknowledged: string[] = [];
  /** Sends caught by a kill, sent again. */
  retries = 0;
  readonly view = new Map<string, Seen>();
  #sent = 0;

  constructor(
    readonly name: string,
    url: string,
    auth: Record<string, string>,
    readonly sessionId: string,
    private readonly random: Random,
  ) {
    this.socket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnectionDelay: 50, reconnectionDelayMax: 200 });
    this.socket.on('message.created', ({ message }: ServerEvents['message.created']) => this.#see(message));
  }

  #see(message: Message): void {
    if (message.sessionId === this.sessionId) this.view.set(message.id, { seq: message.seq, text: message.text });
  }

  async connected(): Promise<void> {
    if (!this.socket.connected) await connectedOnce(this.socket);
  }

  /** Sends until `done()`, then ends with the message in flight acknowledged. */
  async writeUntil(done: () => boolean): Promise<void> {
    while (!done()) await this.#sendOne(seededUuid(this.random), `${this.name} #${this.#sent++}`);
  }

  async #sendOne(id: string, text: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      assert.ok(attempt < 200, `${text} was never acknowledged`);
      await this.connected();
      let ack: Ack<CommandResults['message.send']>;
      try {
        ack = await this.socket.timeout(1500).emitWithAck(COMMAND_EVENT, 'message.send', { id, sessionId: this.sessionId, text });
      } catch {
        this.retries++;
        continue; // killed before it answered: send the same message again
      }
      assert.ok(ack.ok, `${text}: ${JSON.stringify(ack)}`);
      this.acknowledged.push(id);
      this.#see(ack.data.message);
      return;
    }
  }

  /** What it was told before its last resync. */
  seenBeforeResync = new Map<string, Seen>();

  /** What a client does after a reconnection: fetch the session again. */
  async resync(): Promise<void> {
    await this.connected();
    this.seenBeforeResync = new Map(this.view);
    // The newest page, then older pages back to the first message: a fast run writes more than a page.
    const page = await command(this.socket, 'session.sync', { sessionId: this.sessionId, afterSeq: 0, limit: 1000 });
    assert.equal(page.hasMore, false);
    for (const message of page.messages) this.#see(message);
    let oldest = Math.min(...page.messages.map((message) => message.seq));
    for (let hasOlder = page.hasOlder; hasOlder;) {
      const older = await command(this.socket, 'session.older', { sessionId: this.sessionId, beforeSeq: oldest, limit: 200 });
      for (const message of older.messages) this.#see(message);
      oldest = Math.min(oldest, ...older.messages.map((message) => message.seq));
      hasOlder = older.hasOlder;
    }
  }
}

async function command<N extends keyof CommandResults>(socket: Socket, name: N, payload: unknown): Promise<CommandResults[N]> {
  const ack: Ack<CommandResults[N]> = await socket.timeout(5000).emitWithAck(COMMAND_EVENT, name, payload);
  if (!ack.ok) throw new Error(`${name}: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

describe(`crash: SIGKILL while clients write (${TEST_ENGINE})`, () => {
  let dataDir: string;
  let server: KillableServer;
  const writers: Writer[] = [];
  after(async () => {
    for (const writer of writers) writer.socket.disconnect();
    await server?.kill('SIGTERM').catch(() => undefined);
    if (dataDir) {
      await dropTestDatabase(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it(
    `every acknowledged message is stored once and every view is the database, across ${CRASHES} kills`,
    { timeout: 240_000 },
    async (t) => {
      const random = seededRandom(SEED);
      dataDir = await mkdtemp(join(tmpdir(), 'conecta-crash-'));
      server = new KillableServer(dataDir, await freePort());
      await server.start();

      // Three visitors in conversation with Ana: each visitor writes in its session, Ana in all three.
      const token = await loginAgent(server.url, ANA);
      const agentSocket = io(server.url, { auth: { token }, transports: ['websocket'], forceNew: true });
      await connectedOnce(agentSocket);
      const sessions: string[] = [];
      for (const name of ['Vera', 'Caio', 'Lia']) {
        const { body } = await postJson(`${server.url}/api/webchat/${DEMO_CHANNEL_KEY}/visitors`, {});
        const sessionId = seededUuid(random);
        const visitor = new Writer(name, server.url, { visitorToken: body.visitorToken }, sessionId, random);
        await visitor.connected();
        await command(visitor.socket, 'webchat.start', { sessionId, name, teamId: 'tm-suporte' });
        await command(agentSocket, 'session.accept', { sessionId });
        writers.push(visitor, new Writer(`Ana→${name}`, server.url, { token }, sessionId, random));
        sessions.push(sessionId);
      }
      agentSocket.disconnect();
      await Promise.all(writers.map((writer) => writer.connected()));

      let crashesDone = false;
      const writing = Promise.all(writers.map((writer) => writer.writeUntil(() => crashesDone)));
      const acknowledgedSoFar = () => writers.reduce((n, writer) => n + writer.acknowledged.length, 0);
      for (let crash = 0; crash < CRASHES; crash++) {
        // Every writer gets going again after a restart (however slow the machine), then the kill comes at a seeded moment.
        const before = acknowledgedSoFar();
        for (let waited = 0; acknowledgedSoFar() < before + writers.length; waited += 20) {
          assert.ok(waited < 30_000, 'the clients wrote nothing for 30 s after a restart');
          await delay(20);
        }
        await delay(150 + Math.floor(random() * 350));
        await server.kill();
        await server.start();
      }
      crashesDone = true;
      await writing;
      await Promise.all(writers.map((writer) => writer.resync()));
      for (const writer of writers) writer.socket.disconnect();
      await server.kill('SIGTERM');

      const db = await openTestDatabase(dataDir);
      try {
        type Row = { id: string; seq: number; text: string; kind: string };
        const rowsOf = async (sessionId: string) =>
          (await db.sql.all(
            'SELECT id, seq, text, author_kind AS kind FROM messages WHERE session_id = ? ORDER BY seq',
            sessionId,
          )) as Row[];
        const stored = new Map(await Promise.all(sessions.map(async (id) => [id, await rowsOf(id)] as const)));
        const written = [...stored.values()].flat().filter((row) => row.kind !== 'system');
        const acknowledged = writers.flatMap((writer) => writer.acknowledged);
        assert.ok(acknowledged.length > CRASHES * writers.length, `only ${acknowledged.length} messages were acknowledged`);
        t.diagnostic(
          `${acknowledged.length} acknowledged, ${written.length} stored, ${writers.reduce((n, w) => n + w.retries, 0)} sends caught by a kill and retried`,
        );
        for (const id of acknowledged)
          assert.equal(written.filter((row) => row.id === id).length, 1, `${id} was acknowledged, not stored once`);
        assert.equal(new Set(written.map((row) => row.text)).size, written.length, 'a message was stored twice under two ids');

        const asText = (entries: Iterable<[string, Seen]>) => [...entries].map(([id, seen]) => `${seen.seq} ${id} ${seen.text}`).sort();
        for (const writer of writers) {
          const rows = stored.get(writer.sessionId)!;
          const database = asText(rows.map((row) => [row.id, { seq: row.seq, text: row.text }]));
          for (const seen of asText(writer.seenBeforeResync))
            assert.ok(database.includes(seen), `${writer.name} was told of ${seen}, never stored`);
          assert.deepEqual(asText(writer.view), database, `${writer.name}'s view after its resync`);
          const mine = rows.filter((row) => row.text.startsWith(`${writer.name} #`)).map((row) => Number(row.text.split('#')[1]));
          assert.deepEqual(
            mine,
            [...mine].sort((a, b) => a - b),
            `${writer.name}'s messages out of order`,
          );
        }
      } finally {
        await db.close();
      }
    },
  );
});
