import { expect, waitUntil } from '@open-wc/testing';
import { ConectaClient } from '../../src/client/client.js';
import { selectMessages } from '../../src/client/selectors.js';
import type { ConectaState } from '../../src/client/state.js';
import type { TokenStorage } from '../../src/client/visitor-token.js';
import { browserStorage } from '../client/support.js';
import { FakeConectaServer } from '../fixtures/fake-conecta-server.js';

/**
 * The visitor's persisted outbox with Chromium's real IndexedDB: what a visitor writes offline is
 * on disk before it is sent, survives the page (a new client, as after a reload or a closed tab),
 * and reaches the server once and in order.
 */

/** The messages kept in IndexedDB for a visitor, read straight from the database, in the order written. */
async function persistedTexts(contactId: string): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('conecta-outbox');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const records = await new Promise<any[]>((resolve, reject) => {
      const request = db.transaction('messages').objectStore('messages').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return records
      .filter((record) => record.visitorId === contactId)
      .sort((a, b) => a.createdAt - b.createdAt || a.order - b.order)
      .map((record) => record.text);
  } finally {
    db.close();
  }
}

const eventually = (check: () => boolean | Promise<boolean>, what: string) => waitUntil(check, what, { interval: 10, timeout: 4_000 });

const texts = (state: ConectaState, sessionId: string) => selectMessages(state, sessionId).map((m) => `${m.text}:${m.status}`);

describe('the visitor’s persisted outbox (IndexedDB)', () => {
  let server: FakeConectaServer;
  const clients: ConectaClient[] = [];
  const visitorClient = (storage: TokenStorage) => {
    const client = new ConectaClient({
      server: server.url,
      channel: 'demo',
      storage,
      socketFactory: server.sockets,
      commandTimeoutMs: 500,
    });
    clients.push(client);
    return client;
  };

  beforeEach(() => {
    server = new FakeConectaServer();
    server.installFetch();
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
    server.uninstallFetch();
  });

  it('keeps what was written offline on disk, and a reloaded page sends it once, in order', async () => {
    const storage = browserStorage();
    const page = visitorClient(storage);
    await page.connect();
    const sessionId = server.session.id;
    page.sendMessage(sessionId, 'um');
    page.sendMessage(sessionId, 'dois 😊');
    page.sendMessage(sessionId, 'três');
    expect(texts(page.store.state, sessionId)).to.deep.equal(['um:sending', 'dois 😊:sending', 'três:sending']);
    await eventually(async () => (await persistedTexts(server.visitor.contactId)).length === 3, 'the three are in IndexedDB');
    expect(await persistedTexts(server.visitor.contactId)).to.deep.equal(['um', 'dois 😊', 'três']);

    // The tab is closed before the network came back: nothing was sent, everything is still on disk.
    page.close();
    expect(server.received).to.deep.equal([]);
    expect(await persistedTexts(server.visitor.contactId)).to.have.length(3);

    // The site is opened again, online.
    server.setOnline(true);
    const reloaded = visitorClient(storage);
    await reloaded.connect();
    await eventually(
      () => server.stored.length === 3 && texts(reloaded.store.state, sessionId).every((t) => t.endsWith(':sent')),
      'all are sent',
    );
    expect(server.stored.map((m) => m.text)).to.deep.equal(['um', 'dois 😊', 'três']);
    expect(server.received).to.have.length(3); // once each
    expect(texts(reloaded.store.state, sessionId)).to.deep.equal(['um:sent', 'dois 😊:sent', 'três:sent']);
    await eventually(async () => (await persistedTexts(server.visitor.contactId)).length === 0, 'IndexedDB is emptied');
  });

  it('two tabs opened at once both send what was left, and the server keeps each message once', async () => {
    const storage = browserStorage();
    const page = visitorClient(storage);
    await page.connect();
    const sessionId = server.session.id;
    for (const text of ['a', 'b', 'c', 'd']) page.sendMessage(sessionId, text);
    await eventually(async () => (await persistedTexts(server.visitor.contactId)).length === 4, 'the four are in IndexedDB');
    page.close();

    server.setOnline(true);
    const [tab1, tab2] = [visitorClient(storage), visitorClient(storage)];
    await Promise.all([tab1.connect(), tab2.connect()]);
    const allSent = (client: ConectaClient) => texts(client.store.state, sessionId).filter((t) => t.endsWith(':sent')).length === 4;
    await eventually(() => allSent(tab1) && allSent(tab2), 'both tabs see the four sent');
    expect(server.stored.map((m) => m.text)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(server.stored.map((m) => m.seq)).to.deep.equal([1, 2, 3, 4]);
    expect(texts(tab2.store.state, sessionId)).to.deep.equal(['a:sent', 'b:sent', 'c:sent', 'd:sent']);
  });

  it('holds messages while the connection is down and sends them once it returns, after the older ones', async () => {
    server.setOnline(true);
    const client = visitorClient(browserStorage());
    await client.connect();
    const sessionId = server.session.id;
    await eventually(() => client.status === 'connected', 'connected');
    client.sendMessage(sessionId, 'online');
    await eventually(() => server.stored.length === 1, 'the first is stored');

    server.setOnline(false);
    await eventually(() => client.status !== 'connected', 'the client sees the drop');
    client.sendMessage(sessionId, 'offline 1');
    client.sendMessage(sessionId, 'offline 2');
    await eventually(async () => (await persistedTexts(server.visitor.contactId)).length === 2, 'both are in IndexedDB');
    expect(server.stored).to.have.length(1);

    server.setOnline(true);
    await eventually(() => server.stored.length === 3, 'both are stored');
    expect(server.stored.map((m) => m.text)).to.deep.equal(['online', 'offline 1', 'offline 2']);
    expect(server.received).to.have.length(3);
    await eventually(async () => (await persistedTexts(server.visitor.contactId)).length === 0, 'IndexedDB is emptied');
  });

  it('forgets the unsent messages when the visitor is reset (a site’s logout)', async () => {
    const client = visitorClient(browserStorage());
    await client.connect();
    client.sendMessage(server.session.id, 'de outra pessoa');
    await eventually(async () => (await persistedTexts(server.visitor.contactId)).length === 1, 'it is in IndexedDB');
    await client.resetVisitor();
    await eventually(async () => (await persistedTexts(server.visitor.contactId)).length === 0, 'IndexedDB is emptied');
    expect(client.store.state.messages).to.deep.equal({});
  });

  it('follows another tab’s reset, so every tab shows the same (new) visitor', async () => {
    // Both tabs use the page's localStorage, as on a real site.
    const key = `conecta:visitor:${server.url}#demo`;
    const tab = (): ConectaClient => {
      const client = new ConectaClient({ server: server.url, channel: 'demo', socketFactory: server.sockets });
      clients.push(client);
      return client;
    };
    try {
      server.setOnline(true);
      const tabA = tab();
      await tabA.connect();
      const tabB = tab();
      await tabB.connect();
      await tabB.loadVisitorSessions();
      expect(tabB.store.state.visitor).to.deep.equal(tabA.store.state.visitor);
      expect(Object.keys(tabB.store.state.sessions)).to.deep.equal([server.session.id]);

      await tabA.resetVisitor();
      expect(tabA.store.state.visitor?.id).not.to.equal(server.visitor.id);
      // The browser tells other tabs (never the one that wrote) with a storage event.
      window.dispatchEvent(new StorageEvent('storage', { key, newValue: localStorage.getItem(key) }));
      await eventually(() => tabB.store.state.visitor?.id === tabA.store.state.visitor?.id, 'tab B follows');
      expect(tabB.store.state.sessions).to.deep.equal({});
    } finally {
      localStorage.removeItem(key);
    }
  });
});
