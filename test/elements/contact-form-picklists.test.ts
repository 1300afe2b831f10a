// <conecta-contact-form>'s account ("Conta") and classification: picklists of what the company
// configures, a contact's value from before kept and marked, the server's refusal beside the field.
import { expect } from '@open-wc/testing';
import { CONTACT_PROBLEM_MESSAGES } from '../../src/protocol/index.js';
import { accountsFixture, createMockClient, olgaWithOldValues, queueFixture } from '../fixtures/index.js';
import { contactForm, errorOf, fill, submit } from './contact-form-helpers.js';
import { $, text } from './helpers.js';

/** The options of a select, as the agent reads them. */
const optionsOf = (el: HTMLElement, id: string) => [...($(el, `#${id}`) as HTMLSelectElement).options].map((option) => text(option));

/** A client whose store has Olga, saved before the lists changed: her account deactivated, her classification unlisted. */
const clientWithOldContact = () => createMockClient(accountsFixture());
const OLGA = olgaWithOldValues.id;

describe('<conecta-contact-form> account and classification', () => {
  it('offers the active accounts and the company’s classifications, "none" first, each named by its label', async () => {
    const el = await contactForm(createMockClient(queueFixture()));
    expect(text($(el, 'label[for="accountId"]'))).to.equal('Conta');
    expect(text($(el, 'label[for="classification"]'))).to.equal('Classificação');
    expect(optionsOf(el, 'accountId')).to.deep.equal(['Nenhuma', 'Empresas', 'Varejo']);
    expect(optionsOf(el, 'classification')).to.deep.equal(['Nenhuma', 'VIP', 'Ouro', 'Prata']);
    expect(($(el, '#accountId') as HTMLSelectElement).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('saves the chosen account and classification, and "none" as null', async () => {
    const client = createMockClient(queueFixture());
    const el = await contactForm(client);
    fill(el, 'name', 'Helena');
    fill(el, 'accountId', 'acc-empresas');
    fill(el, 'classification', 'Prata');
    await submit(el);
    expect(client.received('contact.save')[0]).to.deep.include({ accountId: 'acc-empresas', classification: 'Prata' });
    fill(el, 'accountId', '');
    fill(el, 'classification', '');
    await submit(el);
    expect(client.received('contact.save')[1]).to.deep.include({ accountId: null, classification: null });
  });

  it('shows a deactivated account and an unlisted classification as marked options, and keeps them on save', async () => {
    const client = clientWithOldContact();
    const el = await contactForm(client, OLGA);
    expect(optionsOf(el, 'accountId')).to.deep.equal(['Nenhuma', 'Empresas', 'Varejo', 'Legado (inativa)']);
    expect(optionsOf(el, 'classification')).to.deep.equal(['Nenhuma', 'VIP', 'Ouro', 'Prata', 'Bronze (fora da lista)']);
    expect(($(el, '#accountId') as HTMLSelectElement).value).to.equal('acc-legado');
    expect(($(el, '#classification') as HTMLSelectElement).value).to.equal('Bronze');
    fill(el, 'name', 'Olga Antiga Souza');
    await submit(el);
    expect(client.received('contact.save')[0]).to.deep.include({ accountId: 'acc-legado', classification: 'Bronze' });
    await expect(el).to.be.accessible();
  });

  it('keeps the old value offered after the agent picks another, so it can be put back', async () => {
    const el = await contactForm(clientWithOldContact(), OLGA);
    fill(el, 'classification', 'VIP');
    await el.updateComplete;
    expect(optionsOf(el, 'classification')).to.include('Bronze (fora da lista)');
  });

  it('shows the server’s refusal of an account beside the field, in the form’s words, and keeps the choice', async () => {
    const client = createMockClient(queueFixture());
    client.failWith('contact.save', 'INVALID_PAYLOAD', 'Some contact fields are missing or invalid.', {
      accountId: CONTACT_PROBLEM_MESSAGES.account,
    });
    const el = await contactForm(client);
    fill(el, 'name', 'Helena');
    fill(el, 'accountId', 'acc-varejo');
    await submit(el);
    expect(errorOf(el, 'accountId')).to.equal('Escolha uma conta ativa da lista.');
    expect(($(el, '#accountId') as HTMLSelectElement).value).to.equal('acc-varejo');
    expect(el.shadowRoot!.activeElement?.id).to.equal('accountId');
  });

  it('requires an account when the company does, and marks the select', async () => {
    const client = createMockClient(queueFixture()).handle('contact.settings', () => ({
      requiredFields: ['name', 'accountId'],
      photo: { maxBytes: 1024, types: ['image/png'] },
      classifications: [],
    }));
    const el = await contactForm(client);
    expect($(el, '#accountId').getAttribute('aria-required')).to.equal('true');
    expect(text($(el, 'label[for="accountId"]'))).to.equal('Conta *');
    fill(el, 'name', 'Helena');
    await submit(el);
    expect(client.received('contact.save')).to.have.length(0);
    expect(errorOf(el, 'accountId')).to.equal('Preencha este campo.');
  });

  it('speaks English and Spanish', async () => {
    const en = await contactForm(clientWithOldContact(), OLGA, 'en');
    expect(optionsOf(en, 'accountId')).to.deep.equal(['None', 'Empresas', 'Varejo', 'Legado (inactive)']);
    expect(optionsOf(en, 'classification').at(-1)).to.equal('Bronze (no longer listed)');
    const es = await contactForm(clientWithOldContact(), OLGA, 'es');
    expect(optionsOf(es, 'accountId')[0]).to.equal('Ninguna');
    expect(optionsOf(es, 'accountId').at(-1)).to.equal('Legado (inactiva)');
  });
});
