// <conecta-agent-desk> with the contact directory: the Contatos button, its dialog, a conversation started there.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-agent-desk/conecta-agent-desk.js';
import '../../src/elements/conecta-contacts/conecta-contacts.js';
import type { ConectaAgentDesk } from '../../src/elements/conecta-agent-desk/conecta-agent-desk.js';
import type { ConectaContacts } from '../../src/elements/conecta-contacts/conecta-contacts.js';
import type { ConectaStartConversation } from '../../src/elements/conecta-start-conversation/conecta-start-conversation.js';
import { contacts, conversationFixture, createMockClient } from '../fixtures/index.js';
import { $, settle } from './helpers.js';

async function desk(lang = 'pt-BR'): Promise<ConectaAgentDesk> {
  const el = await fixture<ConectaAgentDesk>(
    html`<conecta-agent-desk .client=${createMockClient(conversationFixture())} lang=${lang}></conecta-agent-desk>`,
  );
  await settle(el, 5);
  return el;
}

describe('<conecta-agent-desk> and the contact directory', () => {
  it('opens the directory from its Contatos button, in a dialog, accessible, and closes it back to the button', async () => {
    const el = await desk();
    const button = $(el, '[part="contacts-button"]') as HTMLButtonElement;
    expect(button.textContent?.trim()).to.equal('Contatos');
    button.click();
    await settle(el, 5);
    const dialog = $(el, '[part="contacts-dialog"]') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('conecta-contacts')).to.exist;
    await expect(el).to.be.accessible();
    (dialog.querySelector('.icon-button') as HTMLButtonElement).click();
    await settle(el, 5);
    expect(el.shadowRoot!.querySelector('[part="contacts-dialog"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('opens a conversation started from the directory as the desk’s session, and closes the directory', async () => {
    const el = await desk();
    ($(el, '[part="contacts-button"]') as HTMLButtonElement).click();
    await settle(el, 5);
    const directory = el.shadowRoot!.querySelector<ConectaContacts>('conecta-contacts')!;
    await settle(directory, 5);
    directory.request('start', directory.client!.store.state.contacts[contacts.carla.id]!);
    await settle(directory, 5);
    const start = directory.shadowRoot!.querySelector<ConectaStartConversation>('conecta-start-conversation')!;
    await settle(start, 5);
    const template = start.shadowRoot!.querySelector<HTMLSelectElement>('#template')!;
    template.value = 'tpl-retomar';
    template.dispatchEvent(new Event('change'));
    await settle(start);
    const session = await start.start();
    await settle(el, 5);
    expect(session).to.not.equal(null);
    expect(el.sessionId).to.equal(session!.id);
    expect(el.shadowRoot!.querySelector('[part="contacts-dialog"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('conecta-session')?.sessionId).to.equal(session!.id);
  });

  it('names its Contatos button in the desk’s language', async () => {
    expect(($(await desk('en'), '[part="contacts-button"]') as HTMLElement).textContent?.trim()).to.equal('Contacts');
    expect(($(await desk('es'), '[part="contacts-button"]') as HTMLElement).textContent?.trim()).to.equal('Contactos');
  });
});
