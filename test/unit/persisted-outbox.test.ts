import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PersistedOutbox, type PendingMessage } from '../../src/client/persisted-outbox.js';

const pending = (id: string, createdAt: number, sessionId = 's1'): PendingMessage => ({
  id,
  sessionId,
  text: `text ${id}`,
  attachments: [],
  createdAt,
  authorId: 'c1',
  authorName: 'Carla',
});

// Node has no IndexedDB: these run on the memory fallback, which a new instance (a "reload" within
// the same page) still sees. The IndexedDB path is proven in Chromium (test/elements/visitor-outbox.test.ts).
describe('PersistedOutbox (without IndexedDB)', () => {
  it('keeps messages across instances and gives them back in the order written', async () => {
    const server = `https://order-${crypto.randomUUID()}.test`;
    const first = new PersistedOutbox(server, 'demo');
    await first.save('c1', pending('b', 2_000));
    await first.save('c1', pending('a', 1_000));
    await first.save('c1', pending('c', 2_000)); // same millisecond as b: after it, as written
    const reloaded = new PersistedOutbox(server, 'demo');
    assert.deepEqual(
      (await reloaded.load('c1')).map((m) => m.id),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(await reloaded.load('c1').then((list) => list[0]), pending('a', 1_000));
  });

  it('keeps one copy per message id, and forgets a removed one', async () => {
    const outbox = new PersistedOutbox(`https://dup-${crypto.randomUUID()}.test`, 'demo');
    await outbox.save('c1', pending('a', 1));
    await outbox.save('c1', { ...pending('a', 1), text: 'retried' });
    await outbox.save('c1', pending('b', 2));
    await outbox.remove('a');
    assert.deepEqual(
      (await outbox.load('c1')).map((m) => m.id),
      ['b'],
    );
  });

  it('separates servers, channels and visitors', async () => {
    const server = `https://scope-${crypto.randomUUID()}.test`;
    const demo = new PersistedOutbox(server, 'demo');
    const vendas = new PersistedOutbox(server, 'vendas');
    const elsewhere = new PersistedOutbox(`${server}/other`, 'demo');
    await demo.save('c1', pending('mine', 1));
    await demo.save('c2', pending('someone-else', 2));
    await vendas.save('c1', pending('other-channel', 3));
    assert.deepEqual(
      (await demo.load('c1')).map((m) => m.id),
      ['mine'],
    );
    assert.deepEqual(
      (await vendas.load('c1')).map((m) => m.id),
      ['other-channel'],
    );
    assert.deepEqual(await elsewhere.load('c1'), []);
  });

  it('clears one visitor, or every visitor of the channel', async () => {
    const server = `https://clear-${crypto.randomUUID()}.test`;
    const demo = new PersistedOutbox(server, 'demo');
    const vendas = new PersistedOutbox(server, 'vendas');
    await demo.save('c1', pending('a', 1));
    await demo.save('c2', pending('b', 2));
    await vendas.save('c1', pending('c', 3));
    await demo.clear('c1');
    assert.deepEqual([(await demo.load('c1')).length, (await demo.load('c2')).length], [0, 1]);
    await demo.clear();
    assert.deepEqual(await demo.load('c2'), []);
    assert.deepEqual(
      (await vendas.load('c1')).map((m) => m.id),
      ['c'],
    );
  });
});
