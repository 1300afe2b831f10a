import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { COMMAND_EVENT, type Ack, type CommandResults, type Message, type ServerEvents } from '../../src/protocol/index.js';
import { ANA, DEMO_CHANNEL_KEY, delay, loginAgent, postJson } from '../server/harness.js';
import { dropTestDatabase, onlyOn, openTestDatabase, TEST_ENGINE } from '../server/test-database.js';
import { assertRedisAnswers, dropRedisPrefix, TEST_REDIS_URL, testRedisPrefix } from '../server/test-redis.js';
import { freePort, KillableServer } from './killable-server.js';

/**
 * Issue 13, "Two nodes": two server processes on one PostgreSQL schema and one Redis. A visitor on
 * node A and an agent on node B talk, each message reaching the other side live (through Redis);
 * node A is killed (SIGKILL) while both write; the visitor reconnects to node B (as a load balancer
 * sends it to the node left) and catches up as the SDK does; then they talk on. Every message must
 * be stored once, arrive once and in order on both sides, and both views must be the database.
 */
const ROUNDS = 5;
const LIVE_MS = 5_000;

async function command<N extends keyof CommandResults>(socket: Socket, name: N, payload: unknown): Promise<CommandResults[N]> {
  const ack: Ack<CommandResults[N]> = await socket.timeout(5000).emitWithAck(COMMAND_EVENT, name, payload);
  if (!ack.ok) throw new Error(`${name}: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/**
 * One side of the conversation, holding the session as the SDK's store does: messages in seq order,
 * appended as their events come; a gap in the seqs, or a reconnection, is filled from `session.sync`.
 * Counts how often each message came as an event, to catch one delivered twice.
 */
class Side {
  readonly socket: Socket;
  /** Message ids in the order this side came to hold them. */
  readonly held: string[] = [];
  readonly eventsOf = new Map<string, number>();
  readonly textOf = new Map<string, string>();
  readonly acknowledged: string[] = [];
  syncs = 0;
  retries = 0;
  #lastSeq = 0;
  #work: Promise<void> = Promise.resolve();
  #sent = 0;
  sessionId = '';

  constructor(
    readonly name: string,
    url: string,
    auth: Record<string, string>,
  ) {
    this.socket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 300 });
    this.socket.on('message.created', ({ message }: ServerEvents['message.created']) => {
      if (message.sessionId !== this.sessionId) return;
      this.eventsOf.set(message.id, (this.eventsOf.get(message.id) ?? 0) + 1);
      this.#serially(() => this.#receive(message));
    });
    // What the SDK does after every reconnection but a recovered one: fetch what came meanwhile.
    this.socket.on('connect', () => {
      if (this.sessionId && !this.socket.recovered) this.#serially(() => this.#fill());
    });
  }

  async connected(): Promise<void> {
    if (!this.socket.connected) await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
  }

  /** Everything received so far is applied. */
  settled(): Promise<void> {
    return this.#work;
  }

  /** Waits until this side holds the message, as an event (not a sync): what "live" means here. */
  async receivesLive(id: string, text: string): Promise<void> {
    for (let waited = 0; !this.eventsOf.has(id); waited += 10) {
      assert.ok(waited < LIVE_MS, `${this.name} never received "${text}" as an event`);
      await delay(10);
    }
    await this.settled();
  }

  /** Sends one message, again with the same id if a disconnection caught it (the SDK's outbox), until acknowledged. */
  async send(): Promise<{ id: string; text: string }> {
    const id = randomUUID();
    const text = `${this.name} #${this.#sent++}`;
    for (let attempt = 1; ; attempt++) {
      assert.ok(attempt < 100, `${text} was never acknowledged`);
      await this.connected();
      try {
        await this.socket.timeout(1500).emitWithAck(COMMAND_EVENT, 'message.send', { id, sessionId: this.sessionId, text });
      } catch {
        this.retries++;
        continue;
      }
      this.acknowledged.push(id);
      return { id, text };
    }
  }

  #serially(step: () => Promise<void> | void): void {
    this.#work = this.#work.then(step).catch((error: unknown) => {
      // A sync caught by the kill: the reconnection syncs again.
      if (this.socket.connected) throw error;
    });
  }

  async #receive(message: Message): Promise<void> {
    if (message.seq <= this.#lastSeq) return;
    if (message.seq > this.#lastSeq + 1) await this.#fill();
    if (message.seq === this.#lastSeq + 1) this.#hold(message);
  }

  async #fill(): Promise<void> {
    this.syncs++;
    for (let more = true; more;) {
      const page = await command(this.socket, 'session.sync', { sessionId: this.sessionId, afterSeq: this.#lastSeq, limit: 1000 });
      for (const message of page.messages) if (message.seq === this.#lastSeq + 1) this.#hold(message);
      more = page.hasMore;
    }
  }

  #hold(message: Message): void {
    this.held.push(message.id);
    this.textOf.set(message.id, message.text);
    this.#lastSeq = message.seq;
  }
}

describe(
  `two nodes: a node dies under a conversation (${TEST_ENGINE})`,
  { skip: onlyOn('postgres', 'several nodes need PostgreSQL') },
  () => {
    let dataDir: string;
    const redisPrefix = testRedisPrefix();
    const nodes: KillableServer[] = [];
    const sides: Side[] = [];
    after(async () => {
      for (const side of sides) side.socket.disconnect();
      for (const node of nodes) await node.kill('SIGTERM').catch(() => undefined);
      if (dataDir) {
        await dropTestDatabase(dataDir);
        await rm(dataDir, { recursive: true, force: true });
        await dropRedisPrefix(redisPrefix);
      }
    });

    it('delivers every message once, in order, on both sides, across the death of the visitor’s node', { timeout: 120_000 }, async (t) => {
      await assertRedisAnswers();
      dataDir = await mkdtemp(join(tmpdir(), 'conecta-two-nodes-'));
      const env = { FAULT_REDIS_URL: TEST_REDIS_URL, FAULT_REDIS_PREFIX: redisPrefix };
      const [nodeA, nodeB] = [new KillableServer(dataDir, await freePort(), env), new KillableServer(dataDir, await freePort(), env)];
      nodes.push(nodeA, nodeB);
      // One after the other: the first migrates and seeds, the second finds it done.
      await nodeA.start();
      await nodeB.start();

      const { body } = await postJson(`${nodeA.url}/api/webchat/${DEMO_CHANNEL_KEY}/visitors`, {});
      const visitor = new Side('Vera', nodeA.url, { visitorToken: body.visitorToken });
      const agent = new Side('Ana', nodeB.url, { token: await loginAgent(nodeB.url, ANA) });
      sides.push(visitor, agent);
      await Promise.all(sides.map((side) => side.connected()));
      const sessionId = randomUUID();
      for (const side of sides) side.sessionId = sessionId;
      await command(visitor.socket, 'webchat.start', { sessionId, name: 'Vera', teamId: 'tm-suporte' });
      await command(agent.socket, 'session.accept', { sessionId });

      const talk = async () => {
        for (let round = 0; round < ROUNDS; round++) {
          const asked = await visitor.send();
          await agent.receivesLive(asked.id, asked.text);
          const answered = await agent.send();
          await visitor.receivesLive(answered.id, answered.text);
        }
      };
      await talk();

      // Both write without pause while node A dies; the visitor's next connection goes to node B.
      visitor.socket.io.on('reconnect_attempt', () => ((visitor.socket.io as unknown as { uri: string }).uri = nodeB.url));
      let killed = false;
      const writeUntilAfterKill = async (side: Side) => {
        for (let afterKill = 0; afterKill < 3;) {
          await side.send();
          if (killed) afterKill++;
        }
      };
      const writing = Promise.all(sides.map(writeUntilAfterKill));
      await delay(300);
      await nodeA.kill();
      killed = true;
      const killedAt = Date.now();
      // What waits for every node's answer (agent.catalog's online agents) must not wait for the dead one:
      // Redis drops its subscription with its connection, and the adapter counts nodes by subscription.
      let catalogFailures = 0;
      for (;;) {
        try {
          await command(agent.socket, 'agent.catalog', {});
          break;
        } catch {
          catalogFailures++;
          assert.ok(Date.now() - killedAt < 15_000, 'agent.catalog still failed 15 s after the kill');
        }
      }
      const catalogBackMs = Date.now() - killedAt;
      await writing;

      await talk();
      await Promise.all(sides.map((side) => side.settled()));
      await delay(200); // an event still on its way would show as a duplicate or a gap
      await Promise.all(sides.map((side) => side.settled()));

      const db = await openTestDatabase(dataDir);
      let rows: { id: string; seq: number; text: string; kind: string }[];
      try {
        rows = (await db.sql.all(
          'SELECT id, seq, text, author_kind AS kind FROM messages WHERE session_id = ? ORDER BY seq',
          sessionId,
        )) as typeof rows;
      } finally {
        await db.close();
      }
      const written = rows.filter((row) => row.kind !== 'system');
      const acknowledged = sides.flatMap((side) => side.acknowledged);
      t.diagnostic(
        `${rows.length} messages stored, ${acknowledged.length} acknowledged; sends retried after the kill: ` +
          sides.map((side) => `${side.name} ${side.retries}`).join(', ') +
          `; syncs: ${sides.map((side) => `${side.name} ${side.syncs}`).join(', ')}` +
          `; agent.catalog answered again ${catalogBackMs} ms after the kill (${catalogFailures} failed)`,
      );
      for (const id of acknowledged) assert.equal(written.filter((row) => row.id === id).length, 1, `${id} acknowledged, not stored once`);
      assert.equal(new Set(written.map((row) => row.text)).size, written.length, 'a message was stored twice under two ids');
      for (const side of sides) {
        assert.deepEqual(
          side.held.map((id) => side.textOf.get(id)),
          rows.map((row) => row.text),
          `${side.name} holds every message once, in the database's order`,
        );
        const twice = [...side.eventsOf].filter(([, count]) => count > 1);
        assert.deepEqual(twice, [], `${side.name} received a message twice`);
      }
      // The agent's node never went away: it received each message as an event, but any caught by the kill.
      const caughtByKill = rows.filter((row) => !agent.eventsOf.has(row.id)).map((row) => row.text);
      assert.ok(caughtByKill.length <= 2, `the agent missed ${JSON.stringify(caughtByKill)} live`);
    });
  },
);
