// <conecta-start-conversation>'s account ("Gerar atendimento → Conta"): choosing one narrows the
// contact search to its contacts, and the contact found or given shows its account.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-start-conversation/conecta-start-conversation.js';
import type { ConectaStartConversation } from '../../src/elements/conecta-start-conversation/conecta-start-conversation.js';
import { accountsFixture, contacts, createMockClient, type MockClient } from '../fixtures/index.js';
import { $, $$, settle, text } from './helpers.js';

/** Carla and Diego in Varejo, Elisa in Empresas, Olga in Legado (inactive), the others in no account. */
const clientWithAccounts = (): MockClient => createMockClient(accountsFixture());

async function startWith(client: MockClient, contactId = '', lang = 'pt-BR'): Promise<ConectaStartConversation> {
  const el = await fixture<ConectaStartConversation>(
    html`<conecta-start-conversation .client=${client} contact-id=${contactId} lang=${lang}></conecta-start-conversation>`,
  );
  await settle(el, 5);
  return el;
}

/** The search waits a moment after typing before it asks the server. */
const searchSettled = async (el: ConectaStartConversation) => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await settle(el, 3);
};
const chooseAccount = async (el: ConectaStartConversation, accountId: string) => {
  const control = $(el, '#account') as HTMLSelectElement;
  control.value = accountId;
  control.dispatchEvent(new Event('change'));
  await searchSettled(el);
};
const type = async (el: ConectaStartConversation, query: string) => {
  const input = $(el, '#contact-search') as HTMLInputElement;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await searchSettled(el);
};
const foundNames = (el: ConectaStartConversation) => $$(el, '[part="results"] .name').map((name) => text(name));

describe('<conecta-start-conversation> account', () => {
  it('offers the active accounts first, "every account" by default, named by its label', async () => {
    const el = await startWith(clientWithAccounts());
    expect(text($(el, 'label[for="account"]'))).to.equal('Conta');
    expect([...($(el, '#account') as HTMLSelectElement).options].map((option) => text(option))).to.deep.equal([
      'Todas as contas',
      'Empresas',
      'Varejo',
    ]);
    const [account, search] = [$(el, '#account'), $(el, '#contact-search')];
    expect(account.compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0, 'Conta comes first');
    await expect(el).to.be.accessible();
  });

  it("lists the chosen account's contacts, and narrows the search to them", async () => {
    const client = clientWithAccounts();
    const el = await startWith(client);
    await chooseAccount(el, 'acc-varejo');
    expect(foundNames(el)).to.deep.equal(['Carla Mendes', 'Diego Ramos']);
    expect(client.received('contact.search').at(-1)).to.deep.include({ query: '', accountId: 'acc-varejo' });
    await type(el, 'diego');
    expect(foundNames(el)).to.deep.equal(['Diego Ramos']);
    await type(el, 'elisa');
    expect(foundNames(el)).to.deep.equal([]);
    expect(text($(el, '[role="status"]'))).to.equal('Nenhum contato encontrado.');
    await chooseAccount(el, '');
    expect(foundNames(el)).to.deep.equal(['Elisa Prado']);
    expect(client.received('contact.search').at(-1)).to.deep.include({ query: 'elisa', accountId: null });
    await expect(el).to.be.accessible();
  });

  it('shows the account of each contact found, and of the contact chosen', async () => {
    const el = await startWith(clientWithAccounts());
    await type(el, 'carla');
    expect(text($(el, '[part="results"] li'))).to.contain('Varejo');
    ($(el, '[part="results"] button') as HTMLButtonElement).click();
    await settle(el, 5);
    expect(text($(el, '[part="contact"]'))).to.contain('Conta Varejo');
  });

  it("takes a given contact's account as its own, and drops a contact another account is chosen over", async () => {
    const el = await startWith(clientWithAccounts(), contacts.elisa.id);
    expect(($(el, '#account') as HTMLSelectElement).value).to.equal('acc-empresas');
    expect(text($(el, '[part="contact"]'))).to.contain('Conta Empresas');
    await chooseAccount(el, 'acc-varejo');
    expect(el.contactId).to.equal('');
    expect(foundNames(el)).to.deep.equal(['Carla Mendes', 'Diego Ramos']);
  });

  it('keeps a contact of the chosen account when "every account" is chosen', async () => {
    const el = await startWith(clientWithAccounts(), contacts.carla.id);
    await chooseAccount(el, '');
    expect(el.contactId).to.equal(contacts.carla.id);
    expect(($(el, '#account') as HTMLSelectElement).value).to.equal('');
  });

  it('speaks English and Spanish', async () => {
    const en = await startWith(clientWithAccounts(), contacts.carla.id, 'en');
    expect(text($(en, 'label[for="account"]'))).to.equal('Account');
    expect(text($(en, '[part="contact"]'))).to.contain('Account Varejo');
    const es = await startWith(clientWithAccounts(), '', 'es');
    expect(text(($(es, '#account') as HTMLSelectElement).options[0]!)).to.equal('Todas las cuentas');
  });
});
