// <conecta-contact-form>'s whole record: every field's error, required fields from the company's
// settings, the photo's limits, duplicates that link to the other contact, tabs that keep edits.
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { contactSettingsFixture, contacts, createMockClient, queueFixture } from '../fixtures/index.js';
import { contactForm, errorOf, fill, leave, openTab, submit } from './contact-form-helpers.js';
import { $, $$, press, settle, text } from './helpers.js';

const long = (length: number) => 'x'.repeat(length);

describe('<conecta-contact-form> record', () => {
  describe("every field's error", () => {
    it('words each field’s problem beside it, on save, and saves nothing', async () => {
      const client = createMockClient(queueFixture());
      const el = await contactForm(client);
      fill(el, 'name', long(121));
      fill(el, 'motherName', long(121));
      fill(el, 'phone', '1234');
      fill(el, 'phone2', '99');
      fill(el, 'document', '123.456.789-00');
      fill(el, 'rg', long(21));
      fill(el, 'registration', long(41));
      fill(el, 'email', 'carla@');
      fill(el, 'birthDate', '2999-01-01');
      fill(el, 'extra1', long(201));
      fill(el, 'extra2', long(201));
      fill(el, 'extra3', long(201));
      await submit(el);
      expect(client.received('contact.save')).to.have.length(0);
      expect(errorOf(el, 'name')).to.equal('O nome é longo demais.');
      expect(errorOf(el, 'motherName')).to.equal('Texto longo demais.');
      expect(errorOf(el, 'phone')).to.equal('Informe um telefone válido para o país escolhido.');
      expect(errorOf(el, 'phone2')).to.equal('Informe um telefone válido para o país escolhido.');
      expect(errorOf(el, 'document')).to.equal('Informe um CPF ou CNPJ válido.');
      expect(errorOf(el, 'rg')).to.equal('Texto longo demais.');
      expect(errorOf(el, 'registration')).to.equal('Texto longo demais.');
      expect(errorOf(el, 'email')).to.equal('Informe um e-mail válido.');
      expect(errorOf(el, 'birthDate')).to.equal('A data não pode estar no futuro.');
      for (const extra of ['extra1', 'extra2', 'extra3']) expect(errorOf(el, extra), extra).to.equal('Texto longo demais.');
      expect(text($(el, '[role="alert"]'))).to.equal('Corrija 12 campos.');
      expect(el.shadowRoot!.activeElement?.id).to.equal('name');
      await expect(el).to.be.accessible();
    });

    it('checks a field when it is left, and clears its error as soon as it is fixed', async () => {
      const el = await contactForm(createMockClient(queueFixture()));
      fill(el, 'email', 'carla@');
      expect(errorOf(el, 'email')).to.equal('');
      await leave(el, 'email');
      expect(errorOf(el, 'email')).to.equal('Informe um e-mail válido.');
      fill(el, 'email', 'carla@example.com');
      await el.updateComplete;
      expect(errorOf(el, 'email')).to.equal('');
    });

    it('does not call an empty field missing just because it was passed through', async () => {
      const el = await contactForm(createMockClient(queueFixture()));
      await leave(el, 'name');
      expect(errorOf(el, 'name')).to.equal('');
      await submit(el);
      expect(errorOf(el, 'name')).to.equal('Informe o nome.');
    });

    it('marks and requires the fields the company requires', async () => {
      const client = createMockClient(queueFixture()).handle('contact.settings', () => ({
        ...contactSettingsFixture,
        requiredFields: ['name', 'email', 'motherName', 'accountId', 'assignedAgentId', 'tagIds', 'photoFileId'],
      }));
      const el = await contactForm(client);
      expect(text($(el, 'label[for="email"]'))).to.equal('E-mail *');
      expect($(el, '#accountId').getAttribute('aria-required')).to.equal('true');
      expect($(el, '#rg').getAttribute('aria-required')).to.equal('false');
      fill(el, 'name', 'Helena');
      await submit(el);
      expect(client.received('contact.save')).to.have.length(0);
      for (const id of ['email', 'motherName', 'accountId', 'assignedAgentId', 'tagIds', 'photo']) {
        expect(errorOf(el, id), id).to.equal('Preencha este campo.');
      }
      expect(el.shadowRoot!.activeElement?.id).to.equal('motherName');
      await expect(el).to.be.accessible();
    });

    it('saves every field of the record, phones in E.164', async () => {
      const client = createMockClient(queueFixture());
      const el = await contactForm(client);
      fill(el, 'name', 'Helena Dias');
      fill(el, 'motherName', 'Rita Dias');
      fill(el, 'phone', '11 91234-5678');
      fill(el, 'country2', 'PT');
      fill(el, 'phone2', '912 345 678');
      ($(el, '#active') as HTMLInputElement).click();
      fill(el, 'accountId', 'acc-varejo');
      fill(el, 'classification', 'Ouro');
      fill(el, 'tagIds', 'agend');
      press($(el, '#tagIds'), 'Enter');
      fill(el, 'document', '52998224725');
      fill(el, 'rg', '12.345.678-9');
      fill(el, 'registration', 'M-001');
      fill(el, 'email', 'helena@example.com');
      fill(el, 'birthDate', '1990-05-17');
      fill(el, 'assignedAgentId', 'agent-bruno');
      fill(el, 'extra1', 'um');
      fill(el, 'extra2', 'dois');
      fill(el, 'extra3', 'três');
      await submit(el);
      const [payload] = client.received('contact.save');
      expect(payload).to.deep.include({
        name: 'Helena Dias',
        motherName: 'Rita Dias',
        phone: '+5511912345678',
        phone2: '+351912345678',
        active: false,
        accountId: 'acc-varejo',
        classification: 'Ouro',
        document: '529.982.247-25',
        rg: '12.345.678-9',
        registration: 'M-001',
        email: 'helena@example.com',
        birthDate: '1990-05-17',
        assignedAgentId: 'agent-bruno',
        extra1: 'um',
        extra2: 'dois',
        extra3: 'três',
        photoFileId: null,
        addresses: [],
      });
      expect(payload.tagIds).to.have.length(1);
      expect(text($(el, '.saved'))).to.equal('Contato salvo.');
    });

    it('says the second phone is informational only, read with the field', async () => {
      const el = await contactForm(createMockClient(queueFixture()));
      const hint = $(el, `#${$(el, '#phone2').getAttribute('aria-describedby')}`);
      expect(text(hint)).to.equal('Apenas informativo: este número não gera nem direciona atendimentos.');
    });
  });

  describe('photo', () => {
    const choose = (el: HTMLElement, file: File) => {
      const input = $(el, '#photo') as HTMLInputElement;
      const files = new DataTransfer();
      files.items.add(file);
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };

    it('refuses a file that is not a PNG, JPEG or WebP picture, or is too large, and uploads nothing', async () => {
      const client = createMockClient(queueFixture());
      const el = await contactForm(client);
      choose(el, new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' }));
      await settle(el);
      expect(errorOf(el, 'photo')).to.equal('Escolha uma imagem PNG, JPEG ou WebP.');
      choose(el, new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' }));
      await settle(el);
      expect(errorOf(el, 'photo')).to.equal('A imagem passa de 2 MB: escolha uma menor.');
      expect(client.calls.filter((call) => call.method === 'uploadFile')).to.have.length(0);
    });

    it('uploads a picture, shows it, and saves its file id; Remove takes it out', async () => {
      const client = createMockClient(queueFixture());
      const el = await contactForm(client);
      fill(el, 'name', 'Helena');
      choose(el, new File([new Uint8Array(100)], 'me.png', { type: 'image/png' }));
      await settle(el);
      expect(errorOf(el, 'photo')).to.equal('');
      const img = $(el, 'img[part="photo"]') as HTMLImageElement;
      expect(img.alt).to.equal('Imagem de Helena');
      expect(img.src).to.match(/^https:\/\/conecta\.test\/api\/files\//);
      await submit(el);
      expect(client.received('contact.save')[0]!.photoFileId).to.be.a('string');
      $$(el, 'button')
        .find((button) => text(button) === 'Remover imagem')!
        .click();
      await settle(el);
      expect($$(el, 'img[part="photo"]').length).to.equal(0);
      await submit(el);
      expect(client.received('contact.save')[1]!.photoFileId).to.equal(null);
    });

    it('is reached with the keyboard, its limits read with it', async () => {
      const el = await contactForm(createMockClient(queueFixture()));
      const input = $(el, '#photo') as HTMLInputElement;
      input.focus();
      expect(el.shadowRoot!.activeElement?.id).to.equal('photo');
      expect(input.labels![0]!.textContent!.trim()).to.equal('Escolher imagem');
      expect(text($(el, `#${input.getAttribute('aria-describedby')}`))).to.equal('PNG, JPEG ou WebP, até 2 MB.');
    });
  });

  describe('duplicates', () => {
    it('links to the contact that already has the CPF, and opens it', async () => {
      const client = createMockClient({
        ...queueFixture(),
        contacts: { ...queueFixture().contacts, [contacts.carla.id]: { ...contacts.carla, document: '52998224725' } },
      });
      const el = await contactForm(client);
      fill(el, 'name', 'Outra pessoa');
      fill(el, 'document', '529.982.247-25');
      await submit(el);
      expect(errorOf(el, 'document')).to.equal('Já pertence ao contato Carla Mendes. Abrir Carla Mendes');
      expect(el.shadowRoot!.activeElement?.id).to.equal('document');
      await expect(el).to.be.accessible();
      setTimeout(() => $(el, '[part="open-duplicate"]').click());
      const event = await oneEvent(el, 'conecta-contact-open');
      expect(event.detail).to.deep.equal({ contactId: contacts.carla.id });
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      await settle(el);
      expect(el.contactId).to.equal(contacts.carla.id);
      expect(($(el, '#name') as HTMLInputElement).value).to.equal('Carla Mendes');
    });

    it('leaves the opening to the page when it cancels conecta-contact-open', async () => {
      const el = await contactForm(createMockClient(queueFixture()));
      fill(el, 'name', 'Outra');
      fill(el, 'phone', '11 98765-4321');
      await submit(el);
      expect(errorOf(el, 'phone')).to.equal('Já pertence ao contato Carla Mendes. Abrir Carla Mendes');
      el.addEventListener('conecta-contact-open', (event) => event.preventDefault());
      $(el, '[part="open-duplicate"]').click();
      await settle(el);
      expect(el.contactId).to.equal('');
      expect(($(el, '#name') as HTMLInputElement).value).to.equal('Outra');
    });
  });

  describe('tabs', () => {
    it('are ARIA tabs: one selected, each controlling its panel, the others hidden', async () => {
      const el = await contactForm(createMockClient(queueFixture()), contacts.carla.id);
      const tabs = $$(el, '[role="tab"]');
      expect(tabs.map(text)).to.deep.equal(['Contato', 'Endereços', 'Redes sociais']);
      expect($(el, '[role="tablist"]').getAttribute('aria-label')).to.equal('Seções do contato');
      expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false']);
      expect(tabs.map((tab) => tab.tabIndex)).to.deep.equal([0, -1, -1]);
      for (const tab of tabs) {
        const panel = $(el, `#${tab.getAttribute('aria-controls')}`);
        expect(panel.getAttribute('role')).to.equal('tabpanel');
        expect(panel.getAttribute('aria-labelledby')).to.equal(tab.id);
        expect(panel.hidden).to.equal(tab.getAttribute('aria-selected') !== 'true');
      }
      await expect(el).to.be.accessible();
    });

    it('move with the arrow keys, Home and End (roving focus)', async () => {
      const el = await contactForm(createMockClient(queueFixture()), contacts.carla.id);
      $(el, '#tab-contact').focus();
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-addresses');
      expect($(el, '#tab-addresses').getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'End' });
      await settle(el);
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-social');
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-contact');
      expect($(el, '#panel-contact').hidden).to.equal(false);
    });

    it('lead with Tab from the selected tab into its panel, the other tabs skipped', async () => {
      const el = await contactForm(createMockClient(queueFixture()), contacts.carla.id);
      $(el, '#tab-contact').focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.id).to.equal('name');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-contact');
    });

    it('keep what was typed in every tab when switching between them', async () => {
      const client = createMockClient(queueFixture());
      const el = await contactForm(client, contacts.carla.id);
      fill(el, 'name', 'Carla M. Souza');
      await openTab(el, 'addresses');
      $(el, '[part="add-address"]').click();
      await settle(el);
      fill(el, 'address-0-street', 'Rua das Flores');
      await openTab(el, 'social');
      await openTab(el, 'contact');
      expect(($(el, '#name') as HTMLInputElement).value).to.equal('Carla M. Souza');
      await openTab(el, 'addresses');
      expect(($(el, '#address-0-street') as HTMLInputElement).value).to.equal('Rua das Flores');
    });

    it('opens the tab of the first invalid field and focuses it', async () => {
      const el = await contactForm(createMockClient(queueFixture()), contacts.carla.id);
      await openTab(el, 'addresses');
      $(el, '[part="add-address"]').click();
      await settle(el);
      fill(el, 'address-0-street', 'Rua das Flores');
      await openTab(el, 'contact');
      await submit(el);
      expect($(el, '#tab-addresses').getAttribute('aria-selected')).to.equal('true');
      expect(el.shadowRoot!.activeElement?.id).to.equal('address-0-type');
    });
  });

  describe('social', () => {
    it("lists the channels of the contact's sessions, read only", async () => {
      const client = createMockClient(queueFixture());
      const el = await contactForm(client, contacts.carla.id);
      await openTab(el, 'social');
      expect(client.received('contact.history')).to.deep.equal([{ contactId: contacts.carla.id, limit: 100 }]);
      const channels = $$(el, '[part="channel"]');
      expect(channels.length).to.be.greaterThan(0);
      expect(text(channels[0])).to.match(/^WebChat demo Último atendimento em /);
      expect($(el, '#panel-social').querySelectorAll('input, select, textarea').length).to.equal(0);
    });

    it('says a new contact has no channels yet', async () => {
      const el = await contactForm(createMockClient(queueFixture()));
      await openTab(el, 'social');
      expect(text($(el, '#panel-social'))).to.equal('Salve o contato para ver os canais ligados a ele.');
    });
  });

  describe('saving', () => {
    it('loses nothing when the save fails', async () => {
      const client = createMockClient(queueFixture()).failWith('contact.save', 'INTERNAL', 'Boom.');
      const el = await contactForm(client);
      fill(el, 'name', 'Helena');
      await openTab(el, 'addresses');
      $(el, '[part="add-address"]').click();
      await settle(el);
      fill(el, 'address-0-type', 'home');
      fill(el, 'address-0-cep', '01310100');
      fill(el, 'address-0-street', 'Avenida Paulista');
      fill(el, 'address-0-number', '1000');
      fill(el, 'address-0-neighbourhood', 'Bela Vista');
      fill(el, 'address-0-city', 'São Paulo');
      fill(el, 'address-0-uf', 'SP');
      await submit(el);
      expect(client.received('contact.save')).to.have.length(1);
      expect($(el, '[role="alert"]').textContent).to.not.equal('');
      expect(($(el, '#address-0-street') as HTMLInputElement).value).to.equal('Avenida Paulista');
      expect(($(el, '#address-0-cep') as HTMLInputElement).value).to.equal('01310-100');
      await openTab(el, 'contact');
      expect(($(el, '#name') as HTMLInputElement).value).to.equal('Helena');
    });

    it('Cancel drops what was typed and says so with conecta-contact-cancel', async () => {
      const el = await contactForm(createMockClient(queueFixture()), contacts.carla.id);
      fill(el, 'name', 'Nome digitado');
      await el.updateComplete;
      setTimeout(() => $(el, '[part="cancel-button"]').click());
      const event = await oneEvent(el, 'conecta-contact-cancel');
      expect(event.detail).to.deep.equal({ contactId: contacts.carla.id });
      await el.updateComplete;
      expect(($(el, '#name') as HTMLInputElement).value).to.equal('Carla Mendes');
    });
  });

  describe('i18n', () => {
    it('words the new fields and their errors in English and Spanish', async () => {
      const el = await contactForm(createMockClient(queueFixture()), '', 'en');
      fill(el, 'name', 'Helena');
      fill(el, 'birthDate', '2999-01-01');
      await submit(el);
      expect(text($(el, 'label[for="motherName"]'))).to.equal("Mother's name");
      expect(errorOf(el, 'birthDate')).to.equal('The date cannot be in the future.');
      expect($$(el, '[role="tab"]').map(text)).to.deep.equal(['Contact', 'Addresses', 'Social']);
      el.lang = 'es';
      await el.updateComplete;
      expect(text($(el, 'label[for="motherName"]'))).to.equal('Nombre de la madre');
      expect(errorOf(el, 'birthDate')).to.equal('La fecha no puede estar en el futuro.');
      expect($$(el, '[role="tab"]').map(text)).to.deep.equal(['Contacto', 'Direcciones', 'Redes sociales']);
    });
  });
});
