import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { userEvent } from 'storybook/test';
import '../src/contact-form.js';
import {
  authEndedFixture,
  contactSettingsFixture,
  contacts,
  createMockClient,
  offlineFixture,
  queueFixture,
  type MockClient,
} from '../test/fixtures/index.js';
import {
  darkTheme,
  inShadow,
  languageArgType,
  never,
  tokenArgTypes,
  withTokens,
  type TokenArgs,
  appearanceArgTypes,
  dark,
  withDarkPage,
  type AppearanceArgs,
} from './story-kit.js';

interface ContactFormArgs extends TokenArgs, AppearanceArgs {
  lang: string;
  contactId: string;
  /** Delay of every mock answer, in ms: long enough to see "Saving…". */
  latency: number;
}

/** Renders `<conecta-contact-form>` on a fresh mock client, so every story (and args change) starts over. */
const onClient = (makeClient: (args: ContactFormArgs) => MockClient) => (args: ContactFormArgs) =>
  html`<conecta-contact-form
    .client=${makeClient(args)}
    lang=${args.lang || nothing}
    contact-id=${args.contactId || nothing}
    theme=${args.theme || nothing}
    density=${args.density || nothing}
  ></conecta-contact-form>`;

const meta = {
  title: 'Agent/Contact form',
  component: 'conecta-contact-form',
  decorators: [withTokens, withDarkPage],
  args: { lang: 'pt-BR', contactId: 'contact-carla', latency: 400 },
  argTypes: {
    ...languageArgType,
    ...appearanceArgTypes,
    contactId: {
      name: 'contact-id',
      control: 'select',
      options: ['contact-carla', 'contact-diego', 'contact-elisa', 'contact-fabio', ''],
      description: 'The contact to edit; empty creates a new contact.',
      table: { category: 'attributes' },
    },
    latency: {
      control: { type: 'number', min: 0, step: 100 },
      description: 'Mock client: delay of every answer (ms).',
      table: { category: 'story' },
    },
    ...tokenArgTypes,
  },
  parameters: { actions: { handles: ['conecta-contact-saved', 'conecta-contact-cancel', 'conecta-contact-open'] } },
  render: onClient((args) => createMockClient(queueFixture(), { latency: args.latency })),
} satisfies Meta<ContactFormArgs>;

export default meta;
type Story = StoryObj<ContactFormArgs>;

/** Editing Carla: the Contato tab, her Brazilian mobile split into DDI and national number. */
export const Default: Story = {};

/** A new contact (no `contact-id`): an empty form. */
export const Empty: Story = { args: { contactId: '' } };

/** Loading the contact, which never answers here. */
export const Loading: Story = {
  render: onClient(() => createMockClient(queueFixture(), { store: { connection: 'connected' } }).handle('contact.get', never)),
};

/** The connection is lost: the contact as last seen, with the "not connected" notice. */
export const Offline: Story = {
  render: onClient((args) => createMockClient(offlineFixture(), { latency: args.latency })),
};

/** The agent's sign-in ended (here: the CRM's API key was revoked): the alert in place of the connection notice. */
export const AuthEnded: Story = {
  render: onClient((args) => createMockClient(authEndedFixture(), { latency: args.latency })),
};

/** Another contact already has the phone (CONTACT_DUPLICATE): the error links to it. The play function saves. */
export const SaveError: Story = {
  args: { contactId: '' },
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#name'), 'Outra Carla');
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#phone'), '11 98765-4321');
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="save-button"]'));
    await inShadow(canvasElement, 'conecta-contact-form', '[part="open-duplicate"]');
  },
};

/** The Endereços tab: an address found by its CEP (the mock knows 01310-100). The play function looks it up. */
export const Addresses: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '#tab-addresses'));
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="add-address"]'));
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#address-0-cep'), '01310100');
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="find-cep"]'));
  },
};

/** An address started and left incomplete: its required fields are marked (the address rule). */
export const AddressRule: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '#tab-addresses'));
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="add-address"]'));
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#address-0-complement'), 'apto 12');
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="save-button"]'));
    await inShadow(canvasElement, 'conecta-contact-form', '#address-0-street-error');
  },
};

/** The company requires more than the name (`contact.settings`): those fields are marked with *. */
export const RequiredFields: Story = {
  args: { contactId: '' },
  render: onClient((args) =>
    createMockClient(queueFixture(), { latency: args.latency }).handle('contact.settings', () => ({
      ...contactSettingsFixture,
      requiredFields: ['name', 'email', 'phone', 'document', 'birthDate'],
    })),
  ),
};

/** Redes sociais: the channels of the contact's sessions, read only. */
export const Social: Story = {
  args: { contactId: contacts.diego.id },
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '#tab-social'));
  },
};

/** In a modal dialog (`dialog` and `open`): saving or cancelling closes it. */
export const Dialog: Story = {
  render: (args) =>
    html`<conecta-contact-form
      dialog
      open
      .client=${createMockClient(queueFixture(), { latency: args.latency })}
      lang=${args.lang || nothing}
      contact-id=${args.contactId || nothing}
    ></conecta-contact-form>`,
};

/** Checked before sending: a new contact without a name and with a malformed e-mail, phone and CPF. */
export const Invalid: Story = {
  args: { contactId: '' },
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#email'), 'carla@');
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#phone'), '123');
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#document'), '12345678900');
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="save-button"]'));
    await inShadow(canvasElement, 'conecta-contact-form', '#name-error');
  },
};

export const English: Story = { args: { lang: 'en' } };

export const Spanish: Story = { args: { lang: 'es' } };

/** The `--conecta-*` tokens, set on an ancestor as a host page would (the form has no knobs of its own). */
export const Themed: Story = { args: { ...darkTheme } };

/** The dark theme (`theme="dark"`): the element's own dark colours, no page tokens. */
export const Dark: Story = dark;
