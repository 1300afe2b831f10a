import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { userEvent } from 'storybook/test';
import '../src/contact-form.js';
import { authEndedFixture, createMockClient, offlineFixture, queueFixture, type MockClient } from '../test/fixtures/index.js';
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
  parameters: { actions: { handles: ['conecta-contact-saved'] } },
  render: onClient((args) => createMockClient(queueFixture(), { latency: args.latency })),
} satisfies Meta<ContactFormArgs>;

export default meta;
type Story = StoryObj<ContactFormArgs>;

/** Editing Carla: name, e-mail, and a Brazilian mobile split into DDI and national number. */
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

/** The server refuses the e-mail (CONFLICT with a field error): shown beside the field. The play function saves. */
export const SaveError: Story = {
  render: onClient((args) =>
    createMockClient(queueFixture(), { latency: args.latency }).failWith(
      'contact.save',
      'CONFLICT',
      'Another contact already uses this e-mail.',
      {
        email: 'is already used by another contact',
      },
    ),
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-contact-form', '[part="save-button"]'));
    await inShadow(canvasElement, 'conecta-contact-form', '#email-error');
  },
};

/** Checked before sending: a new contact without a name and with a malformed e-mail and phone. */
export const Invalid: Story = {
  args: { contactId: '' },
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#email'), 'carla@');
    await userEvent.type(await inShadow(canvasElement, 'conecta-contact-form', '#phone'), '123');
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
