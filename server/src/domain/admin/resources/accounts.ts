import type { CustomerAccount } from '../../../../../src/protocol/index.js';
import { CustomerAccountInput, CustomerAccountView } from '../../../admin/schemas.js';
import { CommandError } from '../../errors.js';
import { defineResource } from '../resource.js';

/**
 * The company's customer accounts ("Conta", manual 004): contacts are linked to one, and a
 * conversation is started in one. Deactivate an account to stop offering it; one that contacts are
 * linked to is never removed (their link would point at nothing).
 */
export const customerAccountResource = defineResource<CustomerAccount, CustomerAccountInput, CustomerAccount>({
  name: 'account',
  input: CustomerAccountInput,
  viewSchema: CustomerAccountView,
  store: (tx) => tx.admin.accounts,
  toRecord: (id, input) => ({ id, ...input }),
  toInput: ({ id: _id, ...input }) => input,
  view: (record) => record,
  readRole: 'admin',
  writeRole: 'admin',
  actionOf: (before, after) => (before?.active && !after.active ? 'deactivate' : undefined),
  async check({ tx }, before, after) {
    if (after || !before) return;
    const linked = await tx.searchContacts({ name: '', keys: [], channel: null, accountId: before.id, after: null, limit: 1 });
    if (linked.length > 0) throw new CommandError('CONFLICT', 'Contacts are linked to this account: deactivate it instead.');
  },
});
