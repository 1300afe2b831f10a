import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/contact-history.js';
import { bruno, contacts, createMockClient, earlierSessionFixture, offlineFixture, type MockClient } from '../test/fixtures/index.js';
import { never, tokenArgTypes, withTokens, type TokenArgs, withDarkPage, type AppearanceArgs } from './story-kit.js';

interface HistoryArgs extends TokenArgs, AppearanceArgs {
  lang: string;
  'contact-id': string;
}

const onClient = (makeClient: () => MockClient) => (args: HistoryArgs) =>
  html`<conecta-contact-history .client=${makeClient()} contact-id=${args['contact-id']} lang=${args.lang || nothing}
    theme=${args.theme || nothing} density=${args.density || nothing}></conecta-contact-history>`;

const meta = {
  title: 'Agent/Contact history',
  component: 'conecta-contact-history',
  decorators: [withTokens, withDarkPage],
  args: { lang: 'pt-BR', 'contact-id': contacts.elisa.id },
  argTypes: { ...tokenArgTypes },
  render: onClient(() => createMockClient(earlierSessionFixture())),
} satisfies Meta<HistoryArgs>;

export default meta;
type Story = StoryObj<HistoryArgs>;

/** Elisa's sessions: the current one and one of two days ago, which opens read only. */
export const Default: Story = {};

/** An agent without the history permission: told the list holds only their teams' sessions. */
export const OwnTeamsOnly: Story = {
  render: onClient(() => createMockClient({ ...earlierSessionFixture(), me: bruno })),
};

/** The first page, which never answers here. */
export const Loading: Story = {
  render: onClient(() => createMockClient(earlierSessionFixture()).handle('contact.history', never)),
};

/** The history cannot be loaded. */
export const LoadFailed: Story = {
  render: onClient(() => createMockClient(earlierSessionFixture()).failWith('contact.history', 'TIMEOUT', 'slow')),
};

/** A contact with no session. */
export const Empty: Story = {
  render: onClient(() => createMockClient({ ...earlierSessionFixture(), sessions: {} })),
};

/** The connection is lost. */
export const Offline: Story = {
  render: onClient(() => createMockClient(offlineFixture())),
};
