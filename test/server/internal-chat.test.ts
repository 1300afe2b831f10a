import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  DEMO_TEAMS,
  addAgent,
  connectAgent,
  delay,
  loginAgent,
  setAgentActive,
  startTestServer,
  upload,
  type TestServer,
  type TestSocket,
} from './harness.js';

const ana = DEMO_AGENTS.ana.id;
const bruno = DEMO_AGENTS.bruno.id;
/** The smallest valid PNG: 1×1, transparent. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('internal chat between agents', () => {
  let t: TestServer;
  let anaToken: string;
  let anaDesk: TestSocket;
  let anaCrm: TestSocket;
  let brunoDesk: TestSocket;
  /** Allowed to chat, but in no conversation of Ana and Bruno. */
  let carla: TestSocket;
  /** Without the internalChat permission. */
  let davi: TestSocket;

  before(async () => {
    t = await startTestServer();
    await addAgent(t, {
      id: 'ag-carla',
      name: 'Carla Dias',
      email: 'carla@demo.conecta.dev',
      teamIds: [DEMO_TEAMS.suporte.id],
      internalChat: true,
    });
    await addAgent(t, { id: 'ag-davi', name: 'Davi Reis', email: 'davi@demo.conecta.dev', teamIds: [DEMO_TEAMS.suporte.id] });
    anaToken = await loginAgent(t.url, ANA);
    anaDesk = await connectAgent(t.url, anaToken);
    anaCrm = await connectAgent(t.url, await loginAgent(t.url, ANA));
    brunoDesk = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
    carla = await connectAgent(t.url, await loginAgent(t.url, 'carla@demo.conecta.dev'));
    davi = await connectAgent(t.url, await loginAgent(t.url, 'davi@demo.conecta.dev'));
  });
  after(async () => {
    for (const socket of [anaDesk, anaCrm, brunoDesk, carla, davi]) socket?.close();
    await t.close();
  });

  it('delivers a message to every socket of both agents, numbered per pair, and to no one else', async () => {
    const id = randomUUID();
    const sent = await anaDesk.ok('chat.send', { id, toAgentId: bruno, text: 'Bruno, pode pegar o cliente do boleto?' });
    assert.equal(sent.fromAgentId, ana);
    assert.equal(sent.toAgentId, bruno);
    assert.equal(sent.seq, 1);
    assert.equal(sent.readAt, null);
    const heardByBruno = await brunoDesk.waitFor('chat.message', (m) => m.id === id);
    assert.deepEqual(heardByBruno, sent);
    await anaCrm.waitFor('chat.message', (m) => m.id === id);
    await anaDesk.waitFor('chat.message', (m) => m.id === id);

    const reply = await brunoDesk.ok('chat.send', { id: randomUUID(), toAgentId: ana, text: 'Pego sim.' });
    assert.equal(reply.seq, 2, 'one numbering for the pair, whoever writes');
    await anaDesk.waitFor('chat.message', (m) => m.id === reply.id);
    await delay(50);
    assert.equal(carla.received('chat.message').length, 0);
    assert.equal(davi.received('chat.message').length, 0);
  });

  it('answers a resent id with the first message, and refuses the id for another message', async () => {
    const id = randomUUID();
    const first = await carla.ok('chat.send', { id, toAgentId: ana, text: 'Oi Ana' });
    const again = await carla.ok('chat.send', { id, toAgentId: ana, text: 'Oi Ana' });
    assert.deepEqual(again, first);
    const stolen = await brunoDesk.command('chat.send', { id, toAgentId: ana, text: 'outro' });
    assert.equal(stolen.ok ? 'ok' : stolen.error.code, 'CONFLICT');
    const history = await anaDesk.ok('chat.history', { withAgentId: 'ag-carla' });
    assert.equal(history.messages.length, 1);
  });

  it('lists conversations with their last message and unread counts, and read marks clear them', async () => {
    const before = await anaDesk.ok('chat.list', {});
    const withBruno = before.conversations.find((c) => c.withAgentId === bruno);
    assert.equal(withBruno?.unread, 1);
    assert.equal(withBruno?.lastMessage?.text, 'Pego sim.');
    assert.equal(before.conversations.find((c) => c.withAgentId === 'ag-carla')?.unread, 1);
    // Bruno has read nothing of Ana's: one unread on his side too.
    assert.equal((await brunoDesk.ok('chat.list', {})).conversations.find((c) => c.withAgentId === ana)?.unread, 1);

    brunoDesk.events.length = 0;
    assert.deepEqual(await anaDesk.ok('chat.read', { withAgentId: bruno, upToSeq: 2 }), { ok: true });
    const after = await anaDesk.ok('chat.list', {});
    assert.equal(after.conversations.find((c) => c.withAgentId === bruno)?.unread, 0);
    assert.equal(after.conversations.find((c) => c.withAgentId === 'ag-carla')?.unread, 1, 'other conversations keep theirs');
    // Bruno learns his message was read; Ana's own message stays unread by Bruno.
    const receipt = await brunoDesk.waitFor('chat.message', (m) => m.seq === 2 && m.readAt !== null);
    assert.equal(receipt.fromAgentId, bruno);
    const history = await brunoDesk.ok('chat.history', { withAgentId: ana });
    assert.deepEqual(
      history.messages.map((m) => [m.seq, m.readAt !== null]),
      [
        [1, false],
        [2, true],
      ],
    );
  });

  it('pages the history back from the newest, oldest first', async () => {
    for (let n = 1; n <= 5; n++) await carla.ok('chat.send', { id: randomUUID(), toAgentId: bruno, text: `mensagem ${n}` });
    const newest = await brunoDesk.ok('chat.history', { withAgentId: 'ag-carla', limit: 2 });
    assert.deepEqual(
      newest.messages.map((m) => m.text),
      ['mensagem 4', 'mensagem 5'],
    );
    const older = await brunoDesk.ok('chat.history', { withAgentId: 'ag-carla', beforeSeq: newest.messages[0]!.seq, limit: 10 });
    assert.deepEqual(
      older.messages.map((m) => m.seq),
      [1, 2, 3],
    );
  });

  it('attaches only files the sender uploaded, and both agents get them', async () => {
    const uploaded = await upload(t.url, PNG, 'tela.png', { authorization: `Bearer ${anaToken}` }, 'image/png');
    assert.equal(uploaded.status, 200);
    const fileId = uploaded.body.attachment.id as string;
    const sent = await anaDesk.ok('chat.send', { id: randomUUID(), toAgentId: bruno, text: '', attachmentIds: [fileId] });
    assert.equal(sent.attachments[0]?.id, fileId);
    assert.equal(sent.attachments[0]?.kind, 'image');
    const heard = await brunoDesk.waitFor('chat.message', (m) => m.id === sent.id);
    const download = await fetch(`${t.url}${heard.attachments[0]!.url}`);
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), PNG);

    const reused = await brunoDesk.command('chat.send', { id: randomUUID(), toAgentId: ana, attachmentIds: [fileId] });
    assert.equal(reused.ok, false);
    assert.equal(!reused.ok && reused.error.fields?.['attachmentIds.0'], 'is not a file you uploaded');
  });

  it('refuses agents without the internalChat permission, as senders and as recipients', async () => {
    for (const [name, payload] of [
      ['chat.list', {}],
      ['chat.history', { withAgentId: ana }],
      ['chat.send', { id: randomUUID(), toAgentId: ana, text: 'oi' }],
      ['chat.read', { withAgentId: ana, upToSeq: 1 }],
    ] as const) {
      const answer = await davi.command(name, payload);
      assert.equal(answer.ok ? 'ok' : answer.error.code, 'FORBIDDEN', name);
    }
    const toDavi = await anaDesk.command('chat.send', { id: randomUUID(), toAgentId: 'ag-davi', text: 'oi' });
    assert.equal(toDavi.ok ? 'ok' : toDavi.error.code, 'FORBIDDEN');
    await addAgent(t, {
      id: 'ag-eva',
      name: 'Eva Luz',
      email: 'eva@demo.conecta.dev',
      teamIds: [DEMO_TEAMS.suporte.id],
      internalChat: true,
    });
    await setAgentActive(t, 'ag-eva', false);
    const toDeactivated = await anaDesk.command('chat.send', { id: randomUUID(), toAgentId: 'ag-eva', text: 'oi' });
    assert.equal(toDeactivated.ok ? 'ok' : toDeactivated.error.code, 'FORBIDDEN');
    const toNobody = await anaDesk.command('chat.send', { id: randomUUID(), toAgentId: 'ag-nobody', text: 'oi' });
    assert.equal(toNobody.ok ? 'ok' : toNobody.error.code, 'NOT_FOUND');
    const toSelf = await anaDesk.command('chat.send', { id: randomUUID(), toAgentId: ana, text: 'oi' });
    assert.equal(toSelf.ok ? 'ok' : toSelf.error.code, 'INVALID_PAYLOAD');
    const empty = await anaDesk.command('chat.send', { id: randomUUID(), toAgentId: bruno, text: '  ' });
    assert.equal(empty.ok ? 'ok' : empty.error.code, 'INVALID_PAYLOAD');
  });
});
