// <conecta-contact-form>'s tags: a combobox that filters the company's tags as typed, chips removable by keyboard.
import { expect } from '@open-wc/testing';
import type { ConectaContactForm } from '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import type { Tag } from '../../src/protocol/index.js';
import { catalogFixture, contacts, createMockClient, queueFixture, type MockClient } from '../fixtures/index.js';
import { contactForm, submit } from './contact-form-helpers.js';
import { $, $$, press, settle, text } from './helpers.js';

/** The fixture's three tags and 40 more, as a company with many would have. */
function manyTagsClient(): MockClient {
  const more: Tag[] = Array.from({ length: 40 }, (_, i) => ({
    id: `tag-extra-${i}`,
    teamId: 'suporte',
    name: `Campanha ${String(i + 1).padStart(2, '0')}`,
    color: '#555555',
  }));
  return createMockClient({ ...queueFixture(), catalog: { ...catalogFixture, tags: [...catalogFixture.tags, ...more] } });
}

const input = (el: ConectaContactForm) => $(el, '#tagIds') as HTMLInputElement;
const options = (el: ConectaContactForm) => $$(el, '[part~="tag-option"]').map(text);
const chips = (el: ConectaContactForm) => $$(el, '[part~="tag-chip"] span').map(text);
async function type(el: ConectaContactForm, value: string): Promise<void> {
  input(el).focus();
  input(el).value = value;
  input(el).dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}
async function key(el: ConectaContactForm, name: string): Promise<KeyboardEvent> {
  const event = press(input(el), name);
  await el.updateComplete;
  return event;
}
const activeOption = (el: ConectaContactForm) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? text(el.shadowRoot!.getElementById(id)) : null;
};

describe('<conecta-contact-form> tags', () => {
  it('is a combobox with a listbox, accessible open and with chips', async () => {
    const el = await contactForm(manyTagsClient());
    expect(input(el).getAttribute('role')).to.equal('combobox');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(text($(el, 'label[for="tagIds"]'))).to.equal('Tags');
    await type(el, 'camp');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect($(el, `#${input(el).getAttribute('aria-controls')}`).getAttribute('role')).to.equal('listbox');
    await expect(el).to.be.accessible();
    await key(el, 'Enter');
    await expect(el).to.be.accessible();
  });

  it('filters the many tags as typed, in any case and without accents', async () => {
    const el = await contactForm(manyTagsClient());
    await type(el, 'NEGOCIACAO');
    expect(options(el)).to.deep.equal(['Negociação']);
    await type(el, 'campanha 1');
    expect(options(el)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `Campanha ${10 + i}`));
    await type(el, 'xyz');
    expect(options(el)).to.deep.equal([]);
    expect(text($(el, '[role="status"]'))).to.equal('Nenhuma tag encontrada.');
  });

  it('moves with the arrows, picks with Enter (not submitting), and saves the tags picked', async () => {
    const client = manyTagsClient();
    const el = await contactForm(client, contacts.diego.id);
    await type(el, 'ag');
    expect(options(el)).to.deep.equal(['Aguardando cliente', 'Agendamento']);
    expect(activeOption(el)).to.equal('Aguardando cliente');
    await key(el, 'ArrowDown');
    expect(activeOption(el)).to.equal('Agendamento');
    await key(el, 'ArrowDown');
    expect(activeOption(el)).to.equal('Aguardando cliente', 'wraps around');
    await key(el, 'ArrowUp');
    expect(activeOption(el)).to.equal('Agendamento');
    expect((await key(el, 'Enter')).defaultPrevented).to.equal(true);
    expect(chips(el)).to.deep.equal(['Agendamento']);
    expect(input(el).value).to.equal('');
    expect(client.received('contact.save')).to.have.length(0);
    await type(el, 'negoc');
    await key(el, 'Enter');
    expect(chips(el)).to.deep.equal(['Agendamento', 'Negociação']);
    await submit(el);
    expect(client.received('contact.save')[0]!.tagIds).to.deep.equal(['tag-agendamento', 'tag-negociacao']);
  });

  it('closes the list with Escape without letting it go further, then clears the text', async () => {
    const el = await contactForm(manyTagsClient());
    await type(el, 'camp');
    const first = await key(el, 'Escape');
    expect(first.defaultPrevented).to.equal(true);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).value).to.equal('camp');
    await key(el, 'Escape');
    expect(input(el).value).to.equal('');
    expect((await key(el, 'Escape')).defaultPrevented).to.equal(false, 'with nothing to close, Escape is the dialog’s');
  });

  it('removes the last chip with Backspace in an empty box, and any chip with its button', async () => {
    const el = await contactForm(manyTagsClient());
    for (const name of ['aguard', 'agend', 'negoc']) {
      await type(el, name);
      await key(el, 'Enter');
    }
    expect(chips(el)).to.deep.equal(['Aguardando cliente', 'Agendamento', 'Negociação']);
    await key(el, 'Backspace');
    expect(chips(el)).to.deep.equal(['Aguardando cliente', 'Agendamento']);
    const remove = $(el, '[part~="remove-tag"]') as HTMLButtonElement;
    expect(remove.getAttribute('aria-label')).to.equal('Remover a tag Aguardando cliente');
    remove.focus();
    remove.click();
    await settle(el);
    expect(chips(el)).to.deep.equal(['Agendamento']);
    expect(el.shadowRoot!.activeElement?.id).to.equal('tagIds', 'focus goes back to the text box');
  });

  it('speaks English and Spanish', async () => {
    for (const [lang, label] of [
      ['en', 'Remove the tag Agendamento'],
      ['es', 'Quitar la etiqueta Agendamento'],
    ] as const) {
      const el = await contactForm(manyTagsClient(), '', lang);
      await type(el, 'agend');
      await key(el, 'Enter');
      expect($(el, '[part~="remove-tag"]').getAttribute('aria-label')).to.equal(label);
    }
  });
});
