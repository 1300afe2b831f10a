import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/agents.js';
import '../src/internal-chat.js';
import { colleaguesFixture, createMockClient, offlineFixture, queueFixture, type MockClient } from '../test/fixtures/index.js';
import { never, latencyArgType, tokenArgTypes, withTokens, type TokenArgs, dark, withDarkPage, type AppearanceArgs } from './story-kit.js';

interface AgentsArgs extends TokenArgs, AppearanceArgs {
  lang: string;
  latency: number;
}

const onClient = (makeClient: (args: AgentsArgs) => MockClient) => (args: AgentsArgs) =>
  html`<conecta-agents .client=${makeClient(args)} lang=${args.lang || nothing} theme=${args.theme || nothing}
    density=${args.density || nothing}></conecta-agents>`;

const meta = {
  title: 'Agent/Agents',
  component: 'conecta-agents',
  decorators: [withTokens, withDarkPage],
  args: { lang: 'pt-BR', latency: 300 },
  argTypes: {
    ...latencyArgType,
    ...tokenArgTypes,
  },
  parameters: { actions: { handles: ['conecta-agent-selected'] } },
  render: onClient((args) => createMockClient(colleaguesFixture(), { latency: args.latency })),
} satisfies Meta<AgentsArgs>;

export default meta;
type Story = StoryObj<AgentsArgs>;

/** Colleagues available, on a break, away and offline; Bruno has an unread chat message. */
export const Default: Story = {};

/** Presence only (before the server sends availability): online and offline. */
export const PresenceOnly: Story = {
  render: onClient((args) => createMockClient(queueFixture(), { latency: args.latency })),
};

/** The first load of the colleagues, which never answers here. */
export const Loading: Story = {
  render: onClient(() => createMockClient(queueFixture(), { store: { ...queueFixture(), catalog: null } }).handle('agent.catalog', never)),
};

/** The colleagues cannot be loaded: the error with a Retry button. */
export const LoadFailed: Story = {
  render: onClient(() =>
    createMockClient(queueFixture(), { store: { ...queueFixture(), catalog: null } }).failWith('agent.catalog', 'TIMEOUT', 'slow'),
  ),
};

/** No colleague at all. */
export const Empty: Story = {
  render: onClient(() => createMockClient({ ...queueFixture(), catalog: { ...queueFixture().catalog!, agents: [] } })),
};

/** The connection is lost: the list as last seen, with the notice. */
export const Offline: Story = {
  render: onClient((args) => createMockClient(offlineFixture(), { latency: args.latency })),
};

/** Beside an internal chat: choosing a colleague opens the conversation. */
export const WithInternalChat: Story = {
  render: (args) => {
    const client = createMockClient(colleaguesFixture(), { latency: args.latency });
    return html`<div style="display: grid; grid-template-columns: 18rem 1fr; gap: 1rem">
      <conecta-agents .client=${client} lang=${args.lang || nothing}></conecta-agents>
      <conecta-internal-chat .client=${client} lang=${args.lang || nothing}></conecta-internal-chat>
    </div>`;
  },
};

export const English: Story = { args: { lang: 'en' } };

export const Spanish: Story = { args: { lang: 'es' } };

/** The dark theme (`theme="dark"`): the element's own dark colours, no page tokens. */
export const Dark: Story = dark;
