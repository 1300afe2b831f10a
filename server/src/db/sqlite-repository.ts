import type { FileUrl, Repository } from './repository.js';
import { sqliteAdminStores } from './sqlite/admin/admin-stores.js';
import { sqliteAgentLoginStore } from './sqlite/agent-login-store.js';
import { sqliteApiKeyStore } from './sqlite/api-key-store.js';
import { sqliteAuditStore } from './sqlite/audit-store.js';
import { sqliteAvailabilityStore } from './sqlite/availability-store.js';
import { sqliteChatStore } from './sqlite/chat-store.js';
import { sqliteCatalogStore } from './sqlite/catalog-store.js';
import { sqliteChannelStore } from './sqlite/channel-store.js';
import { sqliteChannelDeliveryStore } from './sqlite/channel-delivery-store.js';
import { sqliteContactStore } from './sqlite/contact-store.js';
import { sqliteFileStore } from './sqlite/file-store.js';
import { sqliteMessageStore } from './sqlite/message-store.js';
import { sqliteNoteStore } from './sqlite/note-store.js';
import { sqlitePasswordTokenStore } from './sqlite/password-token-store.js';
import { sqliteSessionStore } from './sqlite/session-store.js';
import { SqliteConnection, SqliteStatements } from './sqlite/statements.js';
import { sqliteTeamStore } from './sqlite/team-store.js';
import { sqliteWebchatStore } from './sqlite/webchat-store.js';
import type { SqliteDatabase } from './sqlite.js';

/**
 * The Repository on one better-sqlite3 connection: one store per aggregate (`./sqlite/`), sharing the
 * connection's transaction lock and its statements, each prepared once.
 * `fileUrl` signs an attachment's download url (fresh on every read).
 */
export function createSqliteRepository(db: SqliteDatabase, fileUrl: FileUrl = (file) => `/api/files/${file.id}`): Repository {
  return repositoryOn(new SqliteStatements(new SqliteConnection(db)), fileUrl);
}

function repositoryOn(sql: SqliteStatements, fileUrl: FileUrl): Repository {
  let insideTransaction: Repository | undefined;
  const files = sqliteFileStore(sql, fileUrl);
  const webchat = sqliteWebchatStore(sql);
  const repository: Repository = {
    transaction: (fn) =>
      sql.transaction((tx) => {
        if (tx === sql) return fn(repository); // nested: part of the open transaction
        // One for every transaction: the connection's lock lets only one be open at a time.
        insideTransaction ??= repositoryOn(tx, fileUrl);
        return fn(insideTransaction);
      }),
    ...sqliteTeamStore(sql, (fileId) => fileUrl({ id: fileId })),
    ...sqliteAgentLoginStore(sql),
    ...sqliteContactStore(sql, (fileId) => fileUrl({ id: fileId })),
    ...sqliteNoteStore(sql),
    ...sqliteSessionStore(sql),
    ...sqliteMessageStore(sql, files.toAttachment),
    ...files,
    ...sqliteCatalogStore(sql, files.toAttachment),
    ...sqliteChannelStore(sql),
    ...sqliteChannelDeliveryStore(sql),
    ...webchat,
    ...sqliteAuditStore(sql),
    ...sqliteApiKeyStore(sql),
    ...sqlitePasswordTokenStore(sql),
    ...sqliteAvailabilityStore(sql),
    ...sqliteChatStore(sql, files.toAttachment),
    admin: sqliteAdminStores(sql, webchat),
  };
  return repository;
}
