import type { CustomerAccount } from '../../../../../src/protocol/index.js';
import type { RecordStore } from '../../repository.js';
import type { Row, SqlRunner } from '../statements.js';

const toAccount = (row: Row): CustomerAccount => ({ id: String(row.id), name: String(row.name), active: Number(row.active) === 1 });

/** Customer accounts ("Conta") as administered, by name (what agents pick from). */
export function sqliteCustomerAccountRecords(sql: SqlRunner): RecordStore<CustomerAccount> {
  return {
    list: async () => (await sql.all('SELECT * FROM customer_accounts ORDER BY name, id')).map(toAccount),
    async get(id) {
      const row = await sql.get('SELECT * FROM customer_accounts WHERE id = ?', id);
      return row ? toAccount(row) : null;
    },
    async put(account) {
      await sql.exec(
        `INSERT INTO customer_accounts (id, name, active) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, active = excluded.active`,
        account.id,
        account.name,
        account.active ? 1 : 0,
      );
    },
    remove: async (id) => (await sql.exec('DELETE FROM customer_accounts WHERE id = ?', id)) > 0,
  };
}
