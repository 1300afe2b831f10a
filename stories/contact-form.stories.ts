import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/contact-form.js';
import {
  accountsFixture,
  authEndedFixture,
  contactSettingsFixture,
  contacts,
  createMockClient,
  offlineFixture,
  olgaWithOldValues,
  queueFixture,
  type MockClient,
} from '../test/fixtures/index.js';
import {
  darkTheme,
  inShadow,
  never,
  latencyArgType,
  tokenArgTypes,
  withTokens,
  type TokenArgs,
  dark,
  withDarkPage,
  type AppearanceArgs,
} from './story-kit.js';

interface ContactFormArgs extends TokenArgs, AppearanceArgs {
  lang: string;
  'contact-id': string;
  /** Delay of every mock answer, in ms: long enough to see "Saving…". */
  latency: number;
}

/** Renders `<conecta-contact-form>` on a fresh mock client, so every story (and args change) starts over. */
const onClient = (makeClient: (args: ContactFormArgs) => MockClient) => (args: ContactFormArgs) =>
  html`<conecta-contact-form
    .client=${makeClient(args)}
    lang=${args.lang || nothing}
    contact-id=${args['contact-id'] || nothing}
    theme=${args.theme || nothing}
    density=${args.density || nothing}
  ></conecta-contact-form>`;

const meta = {
  title: 'Agent/Contact form',
  component: 'conecta-contact-form',
  decorators: [withTokens, withDarkPage],
  args: { lang: 'pt-BR', 'contact-id': 'contact-carla', latency: 400 },
  argTypes: {
    // The manifest describes the attributes; this says what the fixtures hold.
    'contact-id': { control: 'select', options: ['contact-carla', 'contact-diego', 'contact-elisa', 'contact-fabio', ''] },
    ...latencyArgType,
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
export const Empty: Story = { args: { 'contact-id': '' } };

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
  args: { 'contact-id': '' },
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#name'), 'Outra Carla');
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#phone'), '11 98765-4321');
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="save-button"]'));
    const link = await waitFor(() => inShadow(canvasElement, 'conecta-contact-form', '[part="open-duplicate"]'), { timeout: 5_000 });
    await expect(link.textContent?.trim()).not.toBe('');
  },
};

/** The tags field: typing filters the company's tags (here "ag"); arrows, Enter, Escape and Backspace work as in any combobox. */
export const TagSearch: Story = {
  play: async ({ canvasElement }) => {
    await contactLoaded(canvasElement);
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#tagIds'), 'ag');
    await waitFor(() => inShadow(canvasElement, 'conecta-contact-form', '[part~="tag-option"]'), { timeout: 5_000 });
  },
};

/**
 * Someone else saves Carla after this form loaded her (the play function makes the mock server's
 * copy newer), then the play function types and saves: and the form keeps what was typed and offers to save over the other
 * version or load it.
 */
export const Conflict: Story = {
  play: async ({ canvasElement }) => {
    await contactLoaded(canvasElement);
    const client = canvasElement.querySelector('conecta-contact-form')!.client as MockClient;
    const carla = client.serverState.contacts[contacts.carla.id]!;
    client.apply({ contact: { ...carla, email: 'carla@outra-mesa.com', version: carla.version + 1 } });
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#motherName'), 'Lúcia Mendes');
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="save-button"]'));
    await waitFor(() => inShadow(canvasElement, 'conecta-contact-form', '[part="conflict"]'), { timeout: 5_000 });
  },
};

/** The Endereços tab: an address found by its CEP (the mock knows 01310-100). The play function looks it up. */
/** The contact is loaded (the save button waits for it): what a play function types is not replaced by it. */
async function contactLoaded(canvasElement: HTMLElement): Promise<void> {
  const save = await inShadow(canvasElement, 'conecta-contact-form', '[part="save-button"]');
  await waitFor(() => expect(save).toBeEnabled(), { timeout: 5_000 });
}

export const Addresses: Story = {
  play: async ({ canvasElement }) => {
    await contactLoaded(canvasElement);
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '#tab-addresses'));
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="add-address"]'));
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#address-0-cep'), '01310100');
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="find-cep"]'));
    const street = await inShadow<HTMLInputElement>(canvasElement, 'conecta-contact-form', '#address-0-street');
    await waitFor(() => expect(street.value).not.toBe(''), { timeout: 5_000 });
  },
};

/** An address started and left incomplete: its required fields are marked (the address rule). */
export const AddressRule: Story = {
  play: async ({ canvasElement }) => {
    await contactLoaded(canvasElement);
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '#tab-addresses'));
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="add-address"]'));
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#address-0-complement'), 'apto 12');
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="save-button"]'));
    const error = await inShadow(canvasElement, 'conecta-contact-form', '#address-0-street-error');
    await expect(error.textContent?.trim()).not.toBe('');
  },
};

/** The company requires more than the name (`contact.settings`): those fields are marked with *. */
export const RequiredFields: Story = {
  args: { 'contact-id': '' },
  render: onClient((args) =>
    createMockClient(queueFixture(), { latency: args.latency }).handle('contact.settings', () => ({
      ...contactSettingsFixture,
      requiredFields: ['name', 'email', 'phone', 'document', 'birthDate'],
    })),
  ),
};

/** Redes sociais: the channels of the contact's sessions, read only. */
export const Social: Story = {
  args: { 'contact-id': contacts.diego.id },
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
      contact-id=${args['contact-id'] || nothing}
    ></conecta-contact-form>`,
};

/** Checked before sending: a new contact without a name and with a malformed e-mail, phone and CPF. */
export const Invalid: Story = {
  args: { 'contact-id': '' },
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#email'), 'carla@');
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#phone'), '123');
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#document'), '12345678900');
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="save-button"]'));
    const nameError = await inShadow(canvasElement, 'conecta-contact-form', '#name-error');
    await expect(nameError.textContent?.trim()).not.toBe('');
    // Every refused field says so to assistive technology, and the first one gets the focus.
    for (const field of ['#name', '#email', '#phone']) {
      await expect(await inShadow(canvasElement, 'conecta-contact-form', field)).toHaveAttribute('aria-invalid', 'true');
    }
    const form = canvasElement.querySelector('conecta-contact-form');
    await expect(form?.shadowRoot?.activeElement?.id).toBe('name');
    // What was typed is kept.
    await expect(await inShadow<HTMLInputElement>(canvasElement, 'conecta-contact-form', '#email')).toHaveValue('carla@');
  },
};

/**
 * Account ("Conta") and classification are picklists of what the company configures. Olga was saved
 * before: her account was deactivated since and her classification is no longer listed; both stay,
 * marked, until the agent picks another.
 */
export const AccountAndClassification: Story = {
  args: { 'contact-id': olgaWithOldValues.id },
  render: onClient((args) => createMockClient(accountsFixture(), { latency: args.latency })),
  play: async ({ canvasElement }) => {
    const account = await inShadow<HTMLSelectElement>(canvasElement, 'conecta-contact-form', '#accountId');
    await waitFor(() => expect(account).toHaveValue('acc-legado'));
    await expect(account.selectedOptions[0]?.textContent?.trim()).toBe('Legado (inativa)');
  },
};

/** The server refuses the account (deactivated meanwhile): said beside the select, in the form's words. */
export const AccountRefused: Story = {
  args: { 'contact-id': '' },
  render: onClient((args) =>
    createMockClient(queueFixture(), { latency: args.latency }).failWith(
      'contact.save',
      'INVALID_PAYLOAD',
      'Some contact fields are missing or invalid.',
      {
        accountId: 'is not an active account of the company',
      },
    ),
  ),
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#name'), 'Helena Dias');
    await userEvent.selectOptions(await inShadow(canvasElement, 'conecta-contact-form', '#accountId'), 'acc-varejo');
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="save-button"]'));
    const error = await waitFor(() => inShadow(canvasElement, 'conecta-contact-form', '#accountId-error'), { timeout: 5_000 });
    await expect(error.textContent?.trim()).not.toBe('');
  },
};

export const English: Story = { args: { lang: 'en' } };

export const Spanish: Story = { args: { lang: 'es' } };

/** The `--conecta-*` tokens, set on an ancestor as a host page would (the form has no knobs of its own). */
export const Themed: Story = { args: { ...darkTheme } };

/** The dark theme (`theme="dark"`): the element's own dark colours, no page tokens. */
export const Dark: Story = dark;
