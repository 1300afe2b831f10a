// <conecta-contact-form> sends the version it edited; a save someone else beat keeps what was typed.
import { expect } from '@open-wc/testing';
import type { ConectaContactForm } from '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import type { CommandPayload } from '../../src/protocol/index.js';
import { contacts, createMockClient, queueFixture, type MockClient } from '../fixtures/index.js';
import { contactForm, fill, submit } from './contact-form-helpers.js';
import { $, settle, text } from './helpers.js';

const saves = (client: MockClient) =>
  client.commands.filter((each) => each.name === 'contact.save').map((each) => each.payload as CommandPayload<'contact.save'>);
const value = (el: ConectaContactForm, id: string) => ($(el, `#${id}`) as HTMLInputElement).value;

/** Bruno saves Diego from another desk: the simulated server has version 2, this form still version 1. */
function savedElsewhere(client: MockClient): void {
  const diego = client.serverState.contacts[contacts.diego.id]!;
  client.apply({ contact: { ...diego, email: 'diego@outro.com', version: diego.version + 1 } });
}

describe('<conecta-contact-form> versions', () => {
  it('sends the version it edited, and none for a new contact', async () => {
    const client = createMockClient(queueFixture());
    const el = await contactForm(client, contacts.diego.id);
    fill(el, 'name', 'Diego Ramos Filho');
    await submit(el);
    expect(saves(client)[0]!.version).to.equal(contacts.diego.version);
    fill(el, 'name', 'Diego Ramos Neto');
    await submit(el);
    expect(saves(client)[1]!.version).to.equal(contacts.diego.version + 1, 'the version its own save made');

    const create = await contactForm(client);
    fill(create, 'name', 'Fábio Nunes');
    await submit(create);
    expect(saves(client)[2]).to.not.have.property('version');
  });

  it('on a conflict keeps what was typed, says someone else saved, and is accessible', async () => {
    const client = createMockClient(queueFixture());
    const el = await contactForm(client, contacts.diego.id);
    fill(el, 'name', 'Diego digitando');
    savedElsewhere(client);
    await submit(el);
    await settle(el);
    expect(value(el, 'name')).to.equal('Diego digitando');
    expect(text($(el, '[part="conflict"]'))).to.contain('Outra pessoa salvou este contato enquanto você editava.');
    expect($(el, '[part="conflict"]').getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('overwrite-button');
    expect(client.serverState.contacts[contacts.diego.id]!.name).to.equal(contacts.diego.name, 'nothing was saved');
    await expect(el).to.be.accessible();
  });

  it('saves what was typed over the other version when asked', async () => {
    const client = createMockClient(queueFixture());
    const el = await contactForm(client, contacts.diego.id);
    fill(el, 'name', 'Diego digitando');
    savedElsewhere(client);
    await submit(el);
    await settle(el);
    ($(el, '[part="overwrite-button"]') as HTMLButtonElement).click();
    await settle(el);
    const saved = client.serverState.contacts[contacts.diego.id]!;
    expect(saved.name).to.equal('Diego digitando');
    expect(saved.version).to.equal(contacts.diego.version + 2);
    expect(el.shadowRoot!.querySelector('[part="conflict"]') === null).to.equal(true);
  });

  it('loads the saved version instead when asked', async () => {
    const client = createMockClient(queueFixture());
    const el = await contactForm(client, contacts.diego.id);
    fill(el, 'name', 'Diego digitando');
    savedElsewhere(client);
    await submit(el);
    await settle(el);
    ($(el, '[part="reload-button"]') as HTMLButtonElement).click();
    await settle(el);
    expect(value(el, 'name')).to.equal(contacts.diego.name);
    expect(value(el, 'email')).to.equal('diego@outro.com');
    expect(el.shadowRoot!.querySelector('[part="conflict"]') === null).to.equal(true);
    fill(el, 'name', 'Diego R.');
    await submit(el);
    expect(saves(client).at(-1)!.version).to.equal(contacts.diego.version + 1, 'edits now start from the version shown');
    expect(client.serverState.contacts[contacts.diego.id]!.name).to.equal('Diego R.');
  });

  it('brings back what was typed after the saved version was loaded, and saves it over that version', async () => {
    const client = createMockClient(queueFixture());
    const el = await contactForm(client, contacts.diego.id);
    fill(el, 'name', 'Diego digitando');
    savedElsewhere(client);
    await submit(el);
    await settle(el);
    ($(el, '[part="reload-button"]') as HTMLButtonElement).click();
    await settle(el);
    expect(text($(el, '[part="reloaded"]'))).to.contain('Versão salva carregada.');
    await expect(el).to.be.accessible();
    ($(el, '[part="restore-button"]') as HTMLButtonElement).click();
    await settle(el);
    expect(value(el, 'name')).to.equal('Diego digitando');
    expect(value(el, 'email')).to.equal(contacts.diego.email ?? '', 'all of what was typed, as it was');
    expect(el.shadowRoot!.querySelector('[part="reloaded"]') === null).to.equal(true);
    await submit(el);
    expect(client.serverState.contacts[contacts.diego.id]!.name).to.equal('Diego digitando');
  });

  it('speaks English and Spanish in a conflict', async () => {
    for (const [lang, words] of [
      ['en', 'Someone else saved this contact'],
      ['es', 'Otra persona guardó este contacto'],
    ] as const) {
      const client = createMockClient(queueFixture());
      const el = await contactForm(client, contacts.diego.id, lang);
      fill(el, 'name', 'Diego');
      savedElsewhere(client);
      await submit(el);
      await settle(el);
      expect(text($(el, '[part="conflict"]'))).to.contain(words);
    }
  });
});
