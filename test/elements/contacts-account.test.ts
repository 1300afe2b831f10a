// <conecta-contacts>: the customer account filter and each contact's account in its row.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-contacts/conecta-contacts.js';
import type { ConectaContacts } from '../../src/elements/conecta-contacts/conecta-contacts.js';
import { accountsFixture, contacts, createMockClient, type MockClient } from '../fixtures/index.js';
import { $, $$, settle, text } from './helpers.js';

/** Carla and Diego in Varejo, Elisa in Empresas, Olga in Legado (an account since deactivated), the others in none. */
const clientWithAccounts = (): MockClient => createMockClient(accountsFixture());

const names = (el: ConectaContacts) => $$(el, '[part~="item"] .name').map((node) => text(node).replace(/^Editar /, ''));

async function chooseAccount(el: ConectaContacts, accountId: string): Promise<void> {
  const select = $(el, '[part="account-filter"]') as HTMLSelectElement;
  select.value = accountId;
  select.dispatchEvent(new Event('change'));
  await settle(el, 3);
}

describe('<conecta-contacts> account', () => {
  it('filters the directory by account on the server, inactive accounts marked, and all again', async () => {
    const client = clientWithAccounts();
    const el = await fixture<ConectaContacts>(html`<conecta-contacts .client=${client} lang="pt-BR"></conecta-contacts>`);
    await settle(el, 3);
    expect(text($(el, 'label[for="account"]'))).to.equal('Conta');
    const options = [...($(el, '[part="account-filter"]') as HTMLSelectElement).options].map((option) => text(option));
    expect(options).to.deep.equal(['Todas as contas', 'Empresas', 'Legado (inativa)', 'Varejo']);
    await chooseAccount(el, 'acc-varejo');
    expect(names(el)).to.deep.equal(['Carla Mendes', 'Diego Ramos']);
    expect(client.received('contact.search').at(-1)).to.deep.include({ accountId: 'acc-varejo' });
    await chooseAccount(el, 'acc-legado');
    expect(names(el)).to.deep.equal(['Olga Antiga']);
    await chooseAccount(el, '');
    expect(names(el)).to.have.length(Object.keys(contacts).length + 1);
    await expect(el).to.be.accessible();
  });

  it("shows each contact's account among its details", async () => {
    const el = await fixture<ConectaContacts>(html`<conecta-contacts .client=${clientWithAccounts()} lang="en"></conecta-contacts>`);
    await settle(el, 3);
    const carla = $$(el, '[part~="item"]').find((row) => text(row).includes('Carla Mendes'));
    expect(text(carla!.querySelector('.details'))).to.contain('Varejo');
    expect(text($(el, 'label[for="account"]'))).to.equal('Account');
  });
});
