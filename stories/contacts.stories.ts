import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/contacts.js';
import type { Contact } from '../src/protocol/index.js';
import { aContact, accountsFixture, createMockClient, offlineFixture, queueFixture, type MockClient } from '../test/fixtures/index.js';
import { latencyArgType, never, tokenArgTypes, withTokens, type TokenArgs, withDarkPage, type AppearanceArgs } from './story-kit.js';

interface ContactsArgs extends TokenArgs, AppearanceArgs {
  lang: string;
  latency: number;
}

const onClient = (makeClient: (args: ContactsArgs) => MockClient) => (args: ContactsArgs) =>
  html`<conecta-contacts .client=${makeClient(args)} lang=${args.lang || nothing} theme=${args.theme || nothing}
    density=${args.density || nothing}></conecta-contacts>`;

/** A company of `count` contacts, for paging and the virtualized list. */
function company(count: number): Record<string, Contact> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => {
      const n = String(i + 1).padStart(4, '0');
      return [`ct-${n}`, aContact({ id: `ct-${n}`, name: `Contato ${n}`, phone: `+55119000${n}`, email: `contato${n}@example.com` })];
    }),
  );
}

const meta = {
  title: 'Agent/Contacts',
  component: 'conecta-contacts',
  decorators: [withTokens, withDarkPage],
  args: { lang: 'pt-BR', latency: 300 },
  argTypes: {
    ...latencyArgType,
    ...tokenArgTypes,
    '--conecta-contacts-list-max-block-size': {
      control: 'text',
      description: 'Height past which the list scrolls (default 28rem).',
      table: { category: 'element knobs' },
    },
  },
  parameters: { actions: { handles: ['conecta-contact-request', 'conecta-contact-saved', 'conecta-conversation-started'] } },
  render: onClient((args) => createMockClient(queueFixture(), { latency: args.latency })),
} satisfies Meta<ContactsArgs>;

export default meta;
type Story = StoryObj<ContactsArgs>;

/** The directory: search by name, CPF/CNPJ, phone or e-mail; open, history, start a conversation, add. */
export const Default: Story = {};

/** Contacts linked to customer accounts: each row shows its account, and the Conta filter narrows the list. */
export const Accounts: Story = {
  render: onClient((args) => createMockClient(accountsFixture(), { latency: args.latency })),
};

/** 2,000 contacts: pages load as the list scrolls, and the list is virtualized. */
export const ManyContacts: Story = {
  render: onClient((args) => createMockClient({ ...queueFixture(), contacts: company(2000) }, { latency: args.latency })),
};

/** The first search, which never answers here. */
export const Loading: Story = {
  render: onClient(() => createMockClient(queueFixture()).handle('contact.search', never)),
};

/** The search fails: the error with a Retry button. */
export const SearchFailed: Story = {
  render: onClient(() => createMockClient(queueFixture()).failWith('contact.search', 'TIMEOUT', 'slow')),
};

/** No contact at all yet. */
export const Empty: Story = {
  render: onClient(() => createMockClient({ ...queueFixture(), contacts: {} })),
};

/** The connection is lost. */
export const Offline: Story = {
  render: onClient((args) => createMockClient(offlineFixture(), { latency: args.latency })),
};
