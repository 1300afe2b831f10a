import { fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import type { ConectaContactForm } from '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import type { MockClient } from '../fixtures/index.js';
import { $, settle } from './helpers.js';

/** The contact form on `client`, editing `contactId` (or creating), settled. */
export async function contactForm(client: MockClient, contactId = '', lang = 'pt-BR'): Promise<ConectaContactForm> {
  const el = await fixture<ConectaContactForm>(
    html`<conecta-contact-form .client=${client} contact-id=${contactId} lang=${lang}></conecta-contact-form>`,
  );
  await settle(el);
  return el;
}

/** Type into a field (or choose in a select) as a person would: its value, then input or change. */
export function fill(el: ConectaContactForm, id: string, value: string): void {
  const input = $(el, `#${id}`) as HTMLInputElement | HTMLSelectElement;
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

/** Leave a field: what checks it. */
export async function leave(el: ConectaContactForm, id: string): Promise<void> {
  $(el, `#${id}`).dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

export async function submit(el: ConectaContactForm): Promise<void> {
  ($(el, 'form') as HTMLFormElement).requestSubmit();
  await settle(el);
}

export async function openTab(el: ConectaContactForm, tab: 'contact' | 'addresses' | 'social'): Promise<void> {
  $(el, `#tab-${tab}`).click();
  await settle(el);
}

/** The error shown for a field, and that the field is marked and points at it. */
export function errorOf(el: ConectaContactForm, id: string): string {
  const field = $(el, `#${id}`);
  const message = el.shadowRoot!.querySelector(`#${id}-error`);
  if (!message) return '';
  if (field.getAttribute('aria-invalid') !== 'true') throw new Error(`#${id} has an error but is not aria-invalid`);
  if (!(field.getAttribute('aria-describedby') ?? '').split(' ').includes(`${id}-error`))
    throw new Error(`#${id} does not point at its error`);
  return (message.textContent ?? '').replace(/\s+/g, ' ').trim();
}
