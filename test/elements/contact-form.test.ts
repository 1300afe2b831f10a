import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import type { ConectaContactForm } from '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import { contacts, createMockClient, queueFixture, type MockClient } from '../fixtures/index.js';
import { $, $$, settle, text } from './helpers.js';

async function formWith(client: MockClient, contactId = '', lang = 'pt-BR'): Promise<ConectaContactForm> {
  const el = await fixture<ConectaContactForm>(
    html`<conecta-contact-form .client=${client} contact-id=${contactId} lang=${lang}></conecta-contact-form>`,
  );
  await settle(el);
  return el;
}

function fill(el: ConectaContactForm, id: string, value: string): void {
  const input = $(el, `#${id}`) as HTMLInputElement | HTMLSelectElement;
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

async function submit(el: ConectaContactForm): Promise<void> {
  ($(el, 'form') as HTMLFormElement).requestSubmit();
  await settle(el);
}

describe('<conecta-contact-form>', () => {
  describe('accessibility', () => {
    it('is accessible, empty and with errors', async () => {
      const el = await formWith(createMockClient(queueFixture()));
      await expect(el).to.be.accessible();
      await submit(el);
      await expect(el).to.be.accessible();
    });

    it('marks invalid fields and points them at their message', async () => {
      const el = await formWith(createMockClient(queueFixture()));
      fill(el, 'email', 'não-é-email');
      await submit(el);
      const email = $(el, '#email');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, `#${email.getAttribute('aria-describedby')}`))).to.equal('Informe um e-mail válido.');
      expect(text($(el, '#name-error'))).to.equal('Informe o nome.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#name'));
    });
  });

  describe('properties', () => {
    it('loads and shows the contact of contact-id, splitting its phone into DDI and number', async () => {
      const client = createMockClient(queueFixture(), { store: { connection: 'connected' } });
      const el = await formWith(client, contacts.carla.id);
      expect(client.received('contact.get')).to.deep.equal([{ contactId: contacts.carla.id }]);
      expect(($(el, '#name') as HTMLInputElement).value).to.equal(contacts.carla.name);
      expect(($(el, '#email') as HTMLInputElement).value).to.equal(contacts.carla.email);
      expect(($(el, '#country') as HTMLSelectElement).value).to.equal('BR');
      expect(($(el, '#phone') as HTMLInputElement).value).to.equal('(11) 98765-4321');
      expect(text($(el, 'h2'))).to.equal('Editar contato');
    });

    it('lists calling codes with country names in its language, Brazil by default', async () => {
      const el = await formWith(createMockClient(queueFixture()));
      const select = $(el, '#country') as HTMLSelectElement;
      expect(select.value).to.equal('BR');
      expect(select.selectedOptions[0].textContent).to.equal('Brasil (+55)');
      el.lang = 'en';
      await el.updateComplete;
      expect(select.selectedOptions[0].textContent).to.equal('Brazil (+55)');
    });
  });

  describe('rendering', () => {
    it('leaves its heading out for a container that shows its own, and is still named by it', async () => {
      const el = await formWith(createMockClient(queueFixture()), contacts.carla.id);
      expect(text($(el, 'h2'))).to.equal('Editar contato');
      el.withoutHeading = true;
      await settle(el);
      expect($$(el, 'h2')).to.have.length(0);
      expect($(el, '[part="base"]').getAttribute('aria-label')).to.equal('Editar contato');
      await expect(el).to.be.accessible();
    });

    it('creates a contact with a generated id and the phone in E.164', async () => {
      const client = createMockClient(queueFixture());
      const el = await formWith(client);
      fill(el, 'name', 'Helena Dias');
      fill(el, 'email', 'Helena@Example.com');
      fill(el, 'country', 'PT');
      fill(el, 'phone', '912 345 678');
      await submit(el);
      const [payload] = client.received('contact.save');
      expect(payload.id).to.match(/^[0-9a-f-]{36}$/);
      expect(payload).to.include({ name: 'Helena Dias', email: 'Helena@Example.com', phone: '+351912345678' });
      expect(el.contactId).to.equal(payload.id);
      expect(text($(el, '.saved'))).to.equal('Contato salvo.');
    });

    it('refuses a phone number that is not valid for the chosen country', async () => {
      const client = createMockClient(queueFixture());
      const el = await formWith(client);
      fill(el, 'name', 'Helena');
      fill(el, 'phone', '1234');
      await submit(el);
      expect(client.received('contact.save')).to.have.length(0);
      expect(text($(el, '#phone-error'))).to.equal('Informe um telefone válido para o país escolhido.');
    });

    it('refuses an e-mail another contact has, linking to that contact, and keeps what was typed', async () => {
      const client = createMockClient(queueFixture());
      const el = await formWith(client);
      fill(el, 'name', 'Outra Carla');
      fill(el, 'email', contacts.carla.email!);
      fill(el, 'phone', '11 91234-5678');
      await submit(el);
      expect(client.received('contact.save')).to.have.length(1);
      expect(text($(el, '#email-error'))).to.equal('Já pertence ao contato Carla Mendes. Abrir Carla Mendes');
      expect($(el, '#email').getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#email'));
      expect(($(el, '#name') as HTMLInputElement).value).to.equal('Outra Carla');
      expect(($(el, '#email') as HTMLInputElement).value).to.equal(contacts.carla.email);
      expect(($(el, '#phone') as HTMLInputElement).value).to.equal('11 91234-5678');
      expect(el.contactId).to.equal('');
    });

    it("keeps the server's own words for a field message it has no text for", async () => {
      const client = createMockClient(queueFixture()).failWith('contact.save', 'CONFLICT', 'Phone in use.', {
        phone: 'is already used by another contact',
      });
      const el = await formWith(client);
      fill(el, 'name', 'Ivo');
      fill(el, 'phone', '11 91234-5678');
      await submit(el);
      expect(text($(el, '#phone-error'))).to.equal('is already used by another contact');
    });

    it("words the server's INVALID_PAYLOAD field errors as its own validation does", async () => {
      const client = createMockClient(queueFixture()).failWith('contact.save', 'INVALID_PAYLOAD', 'The payload is not valid.', {
        name: 'is required',
        email: 'is not a valid e-mail address',
        phone: 'is not a valid phone number',
      });
      const el = await formWith(client);
      fill(el, 'name', 'Ivo');
      fill(el, 'email', 'ivo@example.com');
      fill(el, 'phone', '11 91234-5678');
      await submit(el);
      expect(client.received('contact.save')).to.have.length(1);
      expect(text($(el, '#email-error'))).to.equal('Informe um e-mail válido.');
      expect(text($(el, '#phone-error'))).to.equal('Informe um telefone válido para o país escolhido.');
      fill(el, 'name', '');
      await el.updateComplete;
      expect(text($(el, '#name-error'))).to.equal('Informe o nome.');
    });

    it('shows a loading state and keeps the fields and Save disabled until the contact arrives', async () => {
      let answer!: () => void;
      const client = createMockClient(queueFixture()).handle(
        'contact.get',
        ({ contactId }, mock) => new Promise((resolve) => (answer = () => resolve({ contact: mock.serverState.contacts[contactId] }))),
      );
      const el = await formWith(client, contacts.carla.id);
      const loading = $(el, '[part="loading"]');
      expect(loading.getAttribute('role')).to.equal('status');
      expect(text(loading)).to.equal('Carregando…');
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      for (const id of ['name', 'email', 'country', 'phone']) expect(($(el, `#${id}`) as HTMLInputElement).disabled, id).to.equal(true);
      expect(($(el, '[part="save-button"]') as HTMLButtonElement).disabled).to.equal(true);
      expect(await el.save()).to.equal(null);
      expect(client.received('contact.save')).to.have.length(0);
      await expect(el).to.be.accessible();

      answer();
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.equal(null);
      for (const id of ['name', 'email', 'country', 'phone']) expect(($(el, `#${id}`) as HTMLInputElement).disabled, id).to.equal(false);
      expect(($(el, '[part="save-button"]') as HTMLButtonElement).disabled).to.equal(false);
      expect(($(el, '#name') as HTMLInputElement).value).to.equal(contacts.carla.name);
    });

    it('shows a failed load and keeps the form usable', async () => {
      const client = createMockClient(queueFixture()).failWith('contact.get', 'NOT_FOUND', 'Contact not found.');
      const el = await formWith(client, contacts.carla.id);
      expect(text($(el, '[role="alert"]'))).to.equal('Não encontrado.');
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.equal(null);
      expect(($(el, '#name') as HTMLInputElement).disabled).to.equal(false);
      expect(($(el, '[part="save-button"]') as HTMLButtonElement).disabled).to.equal(false);
    });

    it('does not stay disabled when it switches to a new contact while loading', async () => {
      const client = createMockClient(queueFixture()).handle('contact.get', () => new Promise(() => {}));
      const el = await formWith(client, contacts.carla.id);
      expect(($(el, '#name') as HTMLInputElement).disabled).to.equal(true);
      el.contactId = '';
      await el.updateComplete;
      expect(($(el, '#name') as HTMLInputElement).disabled).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.equal(null);
    });

    it('is a real <form> whose submit button saves (so Enter in a field submits it)', async () => {
      const client = createMockClient(queueFixture());
      const el = await formWith(client);
      fill(el, 'name', 'Ivo');
      // Implicit submission: Enter in a text field submits its form through the submit button.
      ($(el, '[part="save-button"]') as HTMLButtonElement).click();
      await settle(el);
      expect(client.received('contact.save')).to.have.length(1);
      expect($(el, 'form').localName).to.equal('form');
    });

    it('shows progress on the save button while saving', async () => {
      const client = createMockClient(queueFixture(), { latency: 50 });
      const el = await formWith(client);
      fill(el, 'name', 'Ivo');
      ($(el, 'form') as HTMLFormElement).requestSubmit();
      await el.updateComplete;
      const button = $(el, '[part="save-button"]') as HTMLButtonElement;
      expect(button.disabled).to.equal(true);
      expect(text(button)).to.equal('Salvando…');
      await new Promise((resolve) => setTimeout(resolve, 80));
      await settle(el);
      expect(text(button)).to.equal('Salvar');
    });
  });

  describe('store integration', () => {
    it('shows a contact changed elsewhere while nothing was typed', async () => {
      const client = createMockClient(queueFixture());
      const el = await formWith(client, contacts.diego.id);
      client.push({ contact: { ...contacts.diego, name: 'Diego R. Ramos', version: 2 } });
      expect(el.isUpdatePending).to.equal(true);
      await el.updateComplete;
      expect(($(el, '#name') as HTMLInputElement).value).to.equal('Diego R. Ramos');
    });

    it('keeps what is being typed when the contact changes elsewhere, and ignores other contacts', async () => {
      const client = createMockClient(queueFixture());
      const el = await formWith(client, contacts.diego.id);
      client.push({ contact: { ...contacts.elisa, name: 'Elisa P.', version: 2 } });
      expect(el.isUpdatePending).to.equal(false);
      fill(el, 'name', 'Diego digitando');
      await el.updateComplete;
      client.push({ contact: { ...contacts.diego, name: 'Diego R. Ramos', version: 2 } });
      await el.updateComplete;
      expect(($(el, '#name') as HTMLInputElement).value).to.equal('Diego digitando');
    });
  });

  describe('events', () => {
    it('dispatches conecta-contact-saved with the saved contact', async () => {
      const client = createMockClient(queueFixture());
      const el = await formWith(client, contacts.elisa.id);
      fill(el, 'name', 'Elisa Prado Lima');
      setTimeout(() => ($(el, 'form') as HTMLFormElement).requestSubmit());
      const event = await oneEvent(el, 'conecta-contact-saved');
      expect(event.detail.contact).to.include({ id: contacts.elisa.id, name: 'Elisa Prado Lima', version: 2 });
      expect(event.bubbles && event.composed).to.equal(true);
    });
  });

  describe('i18n', () => {
    it('speaks English and Spanish through lang, including its own validation messages', async () => {
      const el = await formWith(createMockClient(queueFixture()), '', 'en');
      expect(text($(el, 'label[for="name"]'))).to.equal('Name *');
      await submit(el);
      expect(text($(el, '#name-error'))).to.equal('Enter the name.');
      el.lang = 'es';
      await el.updateComplete;
      expect(text($(el, '[part="save-button"]'))).to.equal('Guardar');
      expect(text($(el, '#name-error'))).to.equal('Escribe el nombre.');
    });

    it('says in its language that the e-mail belongs to another contact', async () => {
      const el = await formWith(createMockClient(queueFixture()), '', 'en');
      fill(el, 'name', 'Other Carla');
      fill(el, 'email', contacts.carla.email!);
      await submit(el);
      expect(text($(el, '#email-error'))).to.equal('Already belongs to the contact Carla Mendes. Open Carla Mendes');
      el.lang = 'es';
      await el.updateComplete;
      expect(text($(el, '#email-error'))).to.equal('Ya pertenece al contacto Carla Mendes. Abrir Carla Mendes');
    });
  });
  describe('CPF/CNPJ', () => {
    it('masks a CPF and a CNPJ as they are typed and sends them', async () => {
      const client = createMockClient(queueFixture());
      const el = await formWith(client);
      fill(el, 'name', 'Helena Dias');
      fill(el, 'document', '52998224725');
      await el.updateComplete;
      expect(($(el, '#document') as HTMLInputElement).value).to.equal('529.982.247-25');
      await submit(el);
      expect(client.received('contact.save')[0]).to.include({ document: '529.982.247-25' });
      fill(el, 'document', '11222333000181');
      await el.updateComplete;
      expect(($(el, '#document') as HTMLInputElement).value).to.equal('11.222.333/0001-81');
      await submit(el);
      expect(client.received('contact.save')[1]).to.include({ document: '11.222.333/0001-81' });
      expect(el.shadowRoot!.querySelector('#document-error')).to.equal(null);
    });

    it('refuses an invalid CPF or CNPJ with its own message and keeps what was typed', async () => {
      const client = createMockClient(queueFixture());
      const el = await formWith(client);
      fill(el, 'name', 'Helena');
      fill(el, 'document', '123.456.789-00');
      await submit(el);
      expect(client.received('contact.save')).to.have.length(0);
      const input = $(el, '#document') as HTMLInputElement;
      expect(text($(el, '#document-error'))).to.equal('Informe um CPF ou CNPJ válido.');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.value).to.equal('123.456.789-00');
      expect(el.shadowRoot!.activeElement).to.equal(input);
      await expect(el).to.be.accessible();
    });

    it("shows the contact's document masked when editing and words the error in English and Spanish", async () => {
      const client = createMockClient({
        ...queueFixture(),
        contacts: { [contacts.carla.id]: { ...contacts.carla, document: '52998224725' } },
      });
      const el = await formWith(client, contacts.carla.id, 'en');
      expect(($(el, '#document') as HTMLInputElement).value).to.equal('529.982.247-25');
      expect(text($(el, 'label[for="document"]'))).to.equal('CPF or CNPJ');
      fill(el, 'document', '1234');
      await submit(el);
      expect(text($(el, '#document-error'))).to.equal('Enter a valid CPF or CNPJ.');
      el.lang = 'es';
      await el.updateComplete;
      expect(text($(el, '#document-error'))).to.equal('Ingresa un CPF o CNPJ válido.');
    });
  });
});
