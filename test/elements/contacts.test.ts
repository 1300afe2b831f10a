// <conecta-contacts>: the directory — server-side search, channel filter, paging, keyboard, dialogs, states, i18n.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/conecta-contacts/conecta-contacts.js';
import type { ConectaContacts } from '../../src/elements/conecta-contacts/conecta-contacts.js';
import type { ConectaContactForm } from '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import type { ConectaContactHistory } from '../../src/elements/conecta-contact-history/conecta-contact-history.js';
import type { ConectaStartConversation } from '../../src/elements/conecta-start-conversation/conecta-start-conversation.js';
import type { Contact } from '../../src/protocol/index.js';
import { aContact, createMockClient, queueFixture, type MockClient } from '../fixtures/index.js';
import { $, $$, press, settle, text } from './helpers.js';

async function directoryWith(client: MockClient, lang = 'pt-BR'): Promise<ConectaContacts> {
  const el = await fixture<ConectaContacts>(html`<conecta-contacts .client=${client} lang=${lang}></conecta-contacts>`);
  await settle(el);
  return el;
}

/** A company of `count` contacts named "Contato 001"…, with a CPF and a phone each. */
function manyContacts(count: number): Record<string, Contact> {
  const list = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return aContact({ id: `ct-${n}`, name: `Contato ${n}`, document: `529982${n}25`, phone: `+5511900000${n}` });
  });
  return Object.fromEntries(list.map((c) => [c.id, c]));
}

/** A row's name as shown (its button's hidden "Editar" left out). */
const shownName = (node: Element | null | undefined) => text(node).replace(/^Editar /, '');
const names = (el: ConectaContacts) => $$(el, '[part~="item"] .name').map(shownName);
const focusedName = (el: ConectaContacts) => shownName(el.shadowRoot!.activeElement?.querySelector('.name'));
const waitForSearch = () => new Promise((resolve) => setTimeout(resolve, 350));

async function type(el: ConectaContacts, query: string): Promise<void> {
  const input = $(el, '[part="search"]') as HTMLInputElement;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await waitForSearch();
  await settle(el);
}

describe('<conecta-contacts>', () => {
  it('is accessible with contacts, with no match, with a dialog open, and offline', async () => {
    const client = createMockClient(queueFixture());
    const el = await directoryWith(client);
    await expect(el).to.be.accessible();
    await type(el, 'zzz');
    await expect(el).to.be.accessible();
    await type(el, '');
    ($(el, '[part="add-button"]') as HTMLButtonElement).click();
    await settle(el);
    await expect(el).to.be.accessible();
    ($(el, 'dialog .icon-button') as HTMLButtonElement).click();
    await settle(el);
    client.setConnection('disconnected');
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('lists every contact by name at first, then searches on the server after typing stops', async () => {
    const client = createMockClient(queueFixture());
    const el = await directoryWith(client);
    expect(names(el)).to.deep.equal(['Carla Mendes', 'Diego Ramos', 'Elisa Prado', 'Fábio Nunes', 'Gabriela Costa']);
    const input = $(el, '[part="search"]') as HTMLInputElement;
    for (const partial of ['f', 'fa', 'fab']) {
      input.value = partial;
      input.dispatchEvent(new Event('input'));
    }
    await settle(el);
    expect(client.received('contact.search').length).to.equal(1, 'nothing sent while typing');
    await waitForSearch();
    await settle(el);
    expect(client.received('contact.search').map((p) => p.query)).to.deep.equal(['', 'fab'], 'one search per pause');
    expect(names(el)).to.deep.equal(['Fábio Nunes'], 'accents do not matter');
  });

  it('searches by CPF, phone and e-mail too', async () => {
    const el = await directoryWith(createMockClient({ ...queueFixture(), contacts: manyContacts(30) }));
    await type(el, '529.982.007-25');
    expect(names(el)).to.deep.equal(['Contato 007']);
    // Shown as people write it, not as stored (digits only).
    expect(text($(el, '[part~="item"] .details'))).to.contain('529.982.007-25');
    await type(el, '(11) 90000-0012');
    expect(names(el)).to.deep.equal(['Contato 012']);
  });

  it('says when nothing matches, when digits are too few, and when there are no contacts at all', async () => {
    const el = await directoryWith(createMockClient(queueFixture()));
    await type(el, 'Zuleica');
    expect(text($(el, '[part="empty"]'))).to.contain('Nenhum contato corresponde a “Zuleica”.');
    await type(el, '12');
    expect(text($(el, '[part="empty"]'))).to.contain('Digite ao menos 3 dígitos');
    const empty = await directoryWith(createMockClient({ ...queueFixture(), contacts: {} }));
    expect(text($(empty, '[part="empty"]'))).to.contain('Nenhum contato ainda.');
  });

  it('shows a failed search with a way to try again', async () => {
    const client = createMockClient(queueFixture()).failWith('contact.search', 'INTERNAL', 'boom');
    const el = await directoryWith(client);
    expect($(el, '[role="alert"]')).to.exist;
    client.handle('contact.search', () => ({ contacts: [], next: null }));
    ($(el, '[role="alert"] button') as HTMLButtonElement).click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('filters by channel on the server', async () => {
    const client = createMockClient(queueFixture());
    const el = await directoryWith(client);
    const select = $(el, '[part="channel-filter"]') as HTMLSelectElement;
    select.value = 'whatsapp';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(client.received('contact.search').at(-1)?.channel).to.equal('whatsapp');
    // Carla and Diego have a phone; Diego also wrote on WhatsApp.
    expect(names(el)).to.deep.equal(['Carla Mendes', 'Diego Ramos']);
  });

  it('loads the next page with "Carregar mais" and by scrolling to the end, and virtualizes a long list', async () => {
    const client = createMockClient({ ...queueFixture(), contacts: manyContacts(260) });
    const el = await directoryWith(client);
    expect(names(el).length).to.equal(50);
    ($(el, '[part="more-button"]') as HTMLButtonElement).click();
    await settle(el);
    expect(names(el).length).to.equal(100);
    expect(client.received('contact.search').at(-1)?.after).to.equal('50');
    const scroller = $(el, '.scroll');
    for (let i = 0; i < 4; i++) {
      scroller.scrollTop = scroller.scrollHeight;
      scroller.dispatchEvent(new Event('scroll'));
      await settle(el, 5);
    }
    expect(el.shadowRoot!.querySelector('[part="more-button"]')).to.equal(null, 'the last page was loaded');
    expect(text($(el, '[part="count"]'))).to.equal('260 contatos');
    expect($$(el, '[part~="item"]').length).to.be.below(200, 'only the rows in view are in the DOM');
  });

  it('moves between contacts with the arrow keys, Home and End, with one tab stop', async () => {
    const el = await directoryWith(createMockClient(queueFixture()));
    const tabStops = () => $$(el, '[part~="item"] .main').filter((b) => b.tabIndex === 0);
    expect(tabStops().length).to.equal(1);
    press($(el, '[part="search"]'), 'ArrowDown');
    await settle(el, 5);
    expect(focusedName(el)).to.equal('Carla Mendes');
    press(el.shadowRoot!.activeElement as HTMLElement, 'ArrowDown');
    await settle(el, 5);
    expect(focusedName(el)).to.equal('Diego Ramos');
    press(el.shadowRoot!.activeElement as HTMLElement, 'End');
    await settle(el, 5);
    expect(focusedName(el)).to.equal('Gabriela Costa');
    press(el.shadowRoot!.activeElement as HTMLElement, 'ArrowRight');
    await settle(el, 5);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('history-button');
    expect(tabStops().map((b) => shownName(b.querySelector('.name')))).to.deep.equal(['Gabriela Costa']);
  });

  it('opens a contact to edit in a dialog with the contact form, and shows the saved contact', async () => {
    const client = createMockClient(queueFixture());
    const el = await directoryWith(client);
    ($$(el, '[part~="item"] .main')[1] as HTMLButtonElement).click();
    await settle(el, 5);
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(text(dialog.querySelector('h2'))).to.equal('Editar contato');
    const form = dialog.querySelector('conecta-contact-form')!;
    expect(form.contactId).to.equal('contact-diego');
    form.dispatchEvent(
      new CustomEvent('conecta-contact-saved', {
        detail: { contact: { ...client.serverState.contacts['contact-diego']!, name: 'Diego R. Ramos' } },
        bubbles: true,
        composed: true,
      }),
    );
    await settle(el, 5);
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(names(el)[1]).to.equal('Diego R. Ramos');
    expect(
      el.shadowRoot!.activeElement?.getAttribute('data-index') ??
        el.shadowRoot!.activeElement?.closest('[data-index]')?.getAttribute('data-index'),
    ).to.equal('1');
  });

  it('adds a contact through the form, which creates it on the server, and lists it', async () => {
    const client = createMockClient(queueFixture());
    const el = await directoryWith(client);
    ($(el, '[part="add-button"]') as HTMLButtonElement).click();
    await settle(el, 5);
    const form = el.shadowRoot!.querySelector<ConectaContactForm>('dialog conecta-contact-form')!;
    expect(form.contactId).to.equal('');
    await form.updateComplete;
    const name = form.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
    name.value = 'Heitor Alves';
    name.dispatchEvent(new Event('input'));
    await form.updateComplete;
    await form.save();
    await settle(el, 5);
    expect(client.received('contact.save').map((p) => p.name)).to.deep.equal(['Heitor Alves']);
    expect(names(el)[0]).to.equal('Heitor Alves');
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
  });

  it('opens the history and the start-conversation dialogs for a contact', async () => {
    const el = await directoryWith(createMockClient(queueFixture()));
    ($$(el, '[part="history-button"]')[4] as HTMLButtonElement).click();
    await settle(el, 5);
    expect(el.shadowRoot!.querySelector<ConectaContactHistory>('dialog conecta-contact-history')?.contactId).to.equal('contact-gabi');
    ($(el, 'dialog .icon-button') as HTMLButtonElement).click();
    await settle(el, 5);
    ($$(el, '[part="start-button"]')[0] as HTMLButtonElement).click();
    await settle(el, 5);
    expect(el.shadowRoot!.querySelector<ConectaStartConversation>('dialog conecta-start-conversation')?.contactId).to.equal(
      'contact-carla',
    );
  });

  it('lets the page open its own screen instead: conecta-contact-request is cancelable', async () => {
    const el = await directoryWith(createMockClient(queueFixture()));
    el.addEventListener('conecta-contact-request', (event) => event.preventDefault());
    setTimeout(() => ($$(el, '[part="start-button"]')[1] as HTMLButtonElement).click());
    const { detail } = await oneEvent(el, 'conecta-contact-request');
    expect(detail.action).to.equal('start');
    expect(detail.contact?.id).to.equal('contact-diego');
    await settle(el);
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
  });

  it('speaks English and Spanish', async () => {
    const en = await directoryWith(createMockClient(queueFixture()), 'en');
    expect(text($(en, '[part="add-button"]'))).to.equal('Add contact');
    expect(($(en, '[part="search"]') as HTMLInputElement).placeholder).to.equal('Name, CPF/CNPJ, phone or e-mail');
    const es = await directoryWith(createMockClient(queueFixture()), 'es');
    expect(text($(es, '[part="add-button"]'))).to.equal('Agregar contacto');
  });
});
