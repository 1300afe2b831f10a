import type { Attachment } from '../protocol/entities.js';

/** A visitor's message written but not yet acknowledged by the server: what a reload must not lose. */
export interface PendingMessage {
  id: string;
  sessionId: string;
  text: string;
  attachments: Attachment[];
  createdAt: number;
  authorId: string | null;
  authorName: string;
}

interface StoredMessage extends PendingMessage {
  /** `server#channel`: one browser may talk to several channels, of several servers. */
  channel: string;
  visitorId: string;
  /** Breaks ties between messages written in the same millisecond. */
  order: number;
}

const DATABASE = 'conecta-outbox';
const MESSAGES = 'messages';
let written = 0;
let opening: Promise<IDBDatabase | null> | undefined;
/** Where messages go when IndexedDB is missing or refuses (Node, some private modes): this page only. */
const memory = new Map<string, StoredMessage>();

/**
 * The visitor's unsent messages, kept in IndexedDB so they survive a reload or a closed tab and are
 * sent when the page comes back. Plain IndexedDB (no library: the widget has a size budget); without
 * it, memory, silently.
 */
export class PersistedOutbox {
  readonly #channel: string;

  constructor(server: string, channelKey: string) {
    this.#channel = `${server}#${channelKey}`;
  }

  /** Keep a message until `remove` (the server stored it, or refused it for good). */
  async save(visitorId: string, message: PendingMessage): Promise<void> {
    const record: StoredMessage = {
      ...message,
      attachments: [...message.attachments],
      channel: this.#channel,
      visitorId,
      order: ++written,
    };
    const saved = await request('readwrite', (store) => store.put(record));
    if (saved === undefined) memory.set(record.id, record);
  }

  /** The visitor's kept messages, in the order they were written. */
  async load(visitorId: string): Promise<PendingMessage[]> {
    const stored = (await request('readonly', (store) => store.index('channel').getAll(this.#channel))) as StoredMessage[] | undefined;
    const byId = new Map<string, StoredMessage>();
    for (const record of [...(stored ?? []), ...memory.values()]) {
      if (record.channel === this.#channel && record.visitorId === visitorId) byId.set(record.id, record);
    }
    return [...byId.values()]
      .sort((a, b) => a.createdAt - b.createdAt || a.order - b.order)
      .map(({ channel: _channel, visitorId: _visitor, order: _order, ...message }) => message);
  }

  async remove(messageId: string): Promise<void> {
    memory.delete(messageId);
    await request('readwrite', (store) => store.delete(messageId));
  }

  /** Forget the kept messages of one visitor, or of every visitor of this channel (a reset, a logout). */
  async clear(visitorId?: string): Promise<void> {
    const doomed = (record: StoredMessage) =>
      record.channel === this.#channel && (visitorId === undefined || record.visitorId === visitorId);
    for (const [id, record] of memory) if (doomed(record)) memory.delete(id);
    await request('readwrite', (store) => {
      const cursor = store.index('channel').openCursor(IDBKeyRange.only(this.#channel));
      cursor.onsuccess = () => {
        if (!cursor.result) return;
        if (doomed(cursor.result.value as StoredMessage)) cursor.result.delete();
        cursor.result.continue();
      };
      return cursor;
    });
  }
}

function database(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const open = indexedDB.open(DATABASE, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(MESSAGES, { keyPath: 'id' }).createIndex('channel', 'channel');
      open.onsuccess = () => {
        // Another page upgrading the database: step aside (later calls fall back to memory).
        open.result.onversionchange = () => open.result.close();
        resolve(open.result);
      };
      open.onerror = open.onblocked = () => resolve(null);
    } catch {
      resolve(null); // no indexedDB at all, or access denied
    }
  });
  return opening;
}

/** One request in its own transaction: its result once committed, or `undefined` when it could not be done. */
async function request<T>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  const db = await database();
  if (!db) return undefined;
  return new Promise((resolve) => {
    try {
      const transaction = db.transaction(MESSAGES, mode);
      const pending = make(transaction.objectStore(MESSAGES));
      transaction.oncomplete = () => resolve(pending.result);
      transaction.onerror = transaction.onabort = () => resolve(undefined);
    } catch {
      resolve(undefined); // closed database, quota, …
    }
  });
}
