/**
 * Issue 12, customer accounts ("Conta", manual 004): the company's list of accounts a contact is
 * linked to, each active or not (an inactive one stays on the contacts it has, but is no longer
 * offered). `contacts.account_id` (migration 014) names one; the index serves the directory's and
 * the start dialog's search narrowed to an account, in name order.
 */
export const customerAccountsSchema = `
CREATE TABLE customer_accounts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_by_account ON contacts(account_id, search_name, id) WHERE account_id IS NOT NULL;
`;
