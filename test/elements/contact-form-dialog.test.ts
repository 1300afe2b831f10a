// <conecta-contact-form dialog>: the same form in a modal dialog, opened by show() or `open`,
// closed by saving or cancelling (Escape too).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import type { ConectaContactForm } from '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import { contacts, createMockClient, queueFixture, type MockClient } from '../fixtures/index.js';
import { fill } from './contact-form-helpers.js';
import { $, settle } from './helpers.js';

async function dialogForm(client: MockClient, contactId = ''): Promise<ConectaContactForm> {
  const el = await fixture<ConectaContactForm>(
    html`<conecta-contact-form dialog .client=${client} contact-id=${contactId} lang="pt-BR"></conecta-contact-form>`,
  );
  await settle(el);
  return el;
}

const dialogOf = (el: ConectaContactForm) => $(el, 'dialog[part="dialog"]') as HTMLDialogElement;

describe('<conecta-contact-form dialog>', () => {
  it('stays closed until show(), then is a modal dialog named by its title', async () => {
    const el = await dialogForm(createMockClient(queueFixture()), contacts.carla.id);
    expect(dialogOf(el).open).to.equal(false);
    el.show();
    await settle(el);
    const dialog = dialogOf(el);
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-label')).to.equal('Editar contato');
    expect(el.open).to.equal(true);
    expect(($(el, '#name') as HTMLInputElement).value).to.equal('Carla Mendes');
    await expect(el).to.be.accessible();
  });

  it('closes on Escape, dropping what was typed, and says so with conecta-contact-cancel', async () => {
    const el = await dialogForm(createMockClient(queueFixture()), contacts.carla.id);
    el.show();
    await settle(el);
    fill(el, 'name', 'Digitado');
    ($(el, '#name') as HTMLInputElement).focus();
    setTimeout(() => void sendKeys({ press: 'Escape' }));
    const event = await oneEvent(el, 'conecta-contact-cancel');
    expect(event.detail).to.deep.equal({ contactId: contacts.carla.id });
    await settle(el);
    expect(el.open).to.equal(false);
    expect(dialogOf(el).open).to.equal(false);
    el.show();
    await settle(el);
    expect(($(el, '#name') as HTMLInputElement).value).to.equal('Carla Mendes');
  });

  it('closes once saved, with conecta-contact-saved, and stays open while the save fails', async () => {
    const client = createMockClient(queueFixture());
    const el = await dialogForm(client);
    el.show();
    await settle(el);
    await el.save();
    await settle(el);
    expect(dialogOf(el).open).to.equal(true);
    fill(el, 'name', 'Helena');
    setTimeout(() => ($(el, 'form') as HTMLFormElement).requestSubmit());
    const event = await oneEvent(el, 'conecta-contact-saved');
    expect(event.detail.contact.name).to.equal('Helena');
    await settle(el);
    expect(dialogOf(el).open).to.equal(false);
    expect(el.open).to.equal(false);
  });

  it('opens from the open attribute', async () => {
    const el = await fixture<ConectaContactForm>(
      html`<conecta-contact-form dialog open .client=${createMockClient(queueFixture())} lang="pt-BR"></conecta-contact-form>`,
    );
    await settle(el);
    expect(dialogOf(el).open).to.equal(true);
    expect(dialogOf(el).getAttribute('aria-label')).to.equal('Novo contato');
  });
});
