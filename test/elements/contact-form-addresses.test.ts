// <conecta-contact-form>'s Endereços tab: the address rule (required only once started), the CEP
// mask and lookup, adding and removing addresses.
import { expect } from '@open-wc/testing';
import { contacts, createMockClient, queueFixture } from '../fixtures/index.js';
import { contactForm, errorOf, fill, leave, openTab, submit } from './contact-form-helpers.js';
import { $, $$, settle, text } from './helpers.js';
import type { ConectaContactForm } from '../../src/elements/conecta-contact-form/conecta-contact-form.js';

async function withAddress(el: ConectaContactForm): Promise<void> {
  await openTab(el, 'addresses');
  $(el, '[part="add-address"]').click();
  await settle(el);
}

const REQUIRED = ['type', 'cep', 'street', 'number', 'neighbourhood', 'city', 'uf'];

describe('<conecta-contact-form> addresses', () => {
  describe('the address rule', () => {
    it('sends an address left empty as nothing, and asks nothing of it', async () => {
      const client = createMockClient(queueFixture());
      const el = await contactForm(client);
      fill(el, 'name', 'Helena');
      await withAddress(el);
      expect(text($(el, '#panel-addresses .hint'))).to.equal('Os campos com * passam a ser obrigatórios quando um endereço é começado.');
      await submit(el);
      expect(client.received('contact.save')).to.have.length(1);
      expect(client.received('contact.save')[0]!.addresses).to.deep.equal([]);
      expect(text($(el, '.saved'))).to.equal('Contato salvo.');
      // The form now shows the contact as saved: without the empty address.
      expect($$(el, '[part="address"]')).to.have.length(0);
    });

    it('requires type, CEP, street, number, neighbourhood, city and UF once an address is started', async () => {
      const client = createMockClient(queueFixture());
      const el = await contactForm(client);
      fill(el, 'name', 'Helena');
      await withAddress(el);
      fill(el, 'address-0-complement', 'apto 12');
      await openTab(el, 'contact');
      await submit(el);
      expect(client.received('contact.save')).to.have.length(0);
      for (const field of REQUIRED) expect(errorOf(el, `address-0-${field}`), field).to.equal('Preencha este campo.');
      for (const field of ['complement', 'reference', 'location', 'houseType'])
        expect(errorOf(el, `address-0-${field}`), field).to.equal('');
      for (const field of REQUIRED) expect(text($(el, `label[for="address-0-${field}"]`)), field).to.match(/\*$/);
      expect($(el, '#tab-addresses').getAttribute('aria-selected')).to.equal('true');
      expect(el.shadowRoot!.activeElement?.id).to.equal('address-0-type');
      await expect(el).to.be.accessible();
    });

    it('refuses a CEP that is not 8 digits, when the field is left', async () => {
      const el = await contactForm(createMockClient(queueFixture()));
      await withAddress(el);
      fill(el, 'address-0-cep', '0131');
      await leave(el, 'address-0-cep');
      expect(errorOf(el, 'address-0-cep')).to.equal('O CEP tem 8 dígitos.');
      expect(errorOf(el, 'address-0-street')).to.equal('');
    });

    it('saves a complete address, and puts the server’s error on the right one', async () => {
      const client = createMockClient(queueFixture());
      const el = await contactForm(client);
      fill(el, 'name', 'Helena');
      await withAddress(el);
      $(el, '[part="add-address"]').click();
      await settle(el);
      // The first stays empty: the payload has one address, the form's second.
      for (const [field, value] of Object.entries({
        type: 'work',
        cep: '01310100',
        street: 'Avenida Paulista',
        number: '1000',
        neighbourhood: 'Bela Vista',
        city: 'São Paulo',
        uf: 'SP',
        houseType: 'commercial',
        reference: 'Em frente ao MASP',
      })) {
        fill(el, `address-1-${field}`, value);
      }
      await submit(el);
      const [payload] = client.received('contact.save');
      expect(payload!.addresses).to.have.length(1);
      expect(payload!.addresses![0]).to.deep.include({
        type: 'work',
        cep: '01310-100',
        street: 'Avenida Paulista',
        uf: 'SP',
        houseType: 'commercial',
      });
      expect(text($(el, '.saved'))).to.equal('Contato salvo.');

      client.failWith('contact.save', 'INVALID_PAYLOAD', 'The payload is not valid.', { 'addresses.0.number': 'is too long' });
      fill(el, 'name', 'Helena D.');
      await submit(el);
      await openTab(el, 'addresses');
      expect(errorOf(el, 'address-0-number')).to.equal('Texto longo demais.');
    });
  });

  describe('adding and removing', () => {
    it('adds an address with the focus on its type, and removes one with the focus back on Add', async () => {
      const el = await contactForm(createMockClient(queueFixture()), contacts.carla.id);
      await openTab(el, 'addresses');
      expect(text($(el, '#panel-addresses .empty'))).to.equal('Nenhum endereço cadastrado.');
      $(el, '[part="add-address"]').click();
      await settle(el);
      expect(el.shadowRoot!.activeElement?.id).to.equal('address-0-type');
      expect(text($(el, '#address-0-heading'))).to.equal('Endereço 1');
      expect($$(el, '#address-0-uf option')).to.have.length(28);
      $(el, '[part="remove-address"]').click();
      await settle(el);
      expect($$(el, '[part="address"]')).to.have.length(0);
      expect(el.shadowRoot!.activeElement?.id).to.equal('addresses');
    });
  });

  it('stops at the most addresses a contact may have, and says why', async () => {
    const el = await contactForm(createMockClient(queueFixture()));
    await openTab(el, 'addresses');
    const add = $(el, '[part="add-address"]') as HTMLButtonElement;
    for (let i = 0; i < 10; i++) {
      add.click();
      await el.updateComplete;
    }
    await settle(el);
    expect($$(el, '[part="address"]')).to.have.length(10);
    expect(add.disabled).to.equal(true);
    expect(text(add.nextElementSibling)).to.equal('Um contato tem no máximo 10 endereços.');
  });

  describe('CEP', () => {
    it('masks the CEP as it is typed', async () => {
      const el = await contactForm(createMockClient(queueFixture()));
      await withAddress(el);
      fill(el, 'address-0-cep', '01310100');
      await el.updateComplete;
      expect(($(el, '#address-0-cep') as HTMLInputElement).value).to.equal('01310-100');
    });

    it('looks a CEP up and fills street, neighbourhood, city and UF, with progress meanwhile', async () => {
      const client = createMockClient(queueFixture(), { latency: 40 });
      const el = await contactForm(client);
      await withAddress(el);
      fill(el, 'address-0-cep', '01310-100');
      await el.updateComplete;
      const button = $(el, '[part="find-cep"]') as HTMLButtonElement;
      button.click();
      await el.updateComplete;
      expect(button.disabled).to.equal(true);
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expect(text($(el, '[part="cep-status"]'))).to.equal('Buscando o CEP…');
      await new Promise((resolve) => setTimeout(resolve, 80));
      await settle(el);
      expect(client.received('contact.cep')).to.deep.equal([{ cep: '01310100' }]);
      const value = (field: string) => ($(el, `#address-0-${field}`) as HTMLInputElement).value;
      expect([value('street'), value('neighbourhood'), value('city'), value('uf')]).to.deep.equal([
        'Avenida Paulista',
        'Bela Vista',
        'São Paulo',
        'SP',
      ]);
      expect(text($(el, '[part="cep-status"]'))).to.equal('Endereço preenchido a partir do CEP.');
      expect($(el, '[part="cep-status"]').getAttribute('role')).to.equal('status');
      expect(button.disabled).to.equal(false);
    });

    it('keeps a street typed by hand for a CEP of a whole town', async () => {
      const el = await contactForm(createMockClient(queueFixture()));
      await withAddress(el);
      fill(el, 'address-0-street', 'Rua Rui Barbosa');
      fill(el, 'address-0-cep', '69900970');
      $(el, '[part="find-cep"]').click();
      await settle(el);
      expect(($(el, '#address-0-street') as HTMLInputElement).value).to.equal('Rua Rui Barbosa');
      expect(($(el, '#address-0-city') as HTMLInputElement).value).to.equal('Rio Branco');
      expect(($(el, '#address-0-uf') as HTMLSelectElement).value).to.equal('AC');
    });

    it('says clearly when a CEP is not found, and changes nothing', async () => {
      const el = await contactForm(createMockClient(queueFixture()));
      await withAddress(el);
      fill(el, 'address-0-cep', '99999999');
      $(el, '[part="find-cep"]').click();
      await settle(el);
      expect(text($(el, '[part="cep-status"]'))).to.equal('CEP não encontrado. Preencha o endereço à mão.');
      expect(($(el, '#address-0-street') as HTMLInputElement).value).to.equal('');
    });

    it('asks for 8 digits before looking anything up', async () => {
      const client = createMockClient(queueFixture());
      const el = await contactForm(client);
      await withAddress(el);
      fill(el, 'address-0-cep', '0131');
      $(el, '[part="find-cep"]').click();
      await settle(el);
      expect(client.received('contact.cep')).to.have.length(0);
      expect(errorOf(el, 'address-0-cep')).to.equal('O CEP tem 8 dígitos.');
      expect(el.shadowRoot!.activeElement?.id).to.equal('address-0-cep');
    });
  });
});
