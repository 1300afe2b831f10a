import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/internal-chat.js';
import {
  bruno,
  chatFixture,
  chatForbiddenFixture,
  createMockClient,
  emptyChatFixture,
  offlineFixture,
  type MockClient,
} from '../test/fixtures/index.js';
import { never, latencyArgType, tokenArgTypes, withTokens, type TokenArgs, dark, withDarkPage, type AppearanceArgs } from './story-kit.js';

interface InternalChatArgs extends TokenArgs, AppearanceArgs {
  lang: string;
  'with-agent': string;
  variant: 'default' | 'compact';
  'with-alerts': boolean;
  latency: number;
}

const onClient = (makeClient: (args: InternalChatArgs) => MockClient) => (args: InternalChatArgs) =>
  html`<conecta-internal-chat .client=${makeClient(args)} lang=${args.lang || nothing} with-agent=${args['with-agent'] || nothing}
    variant=${args.variant || nothing} ?with-alerts=${args['with-alerts']} theme=${args.theme || nothing}
    density=${args.density || nothing}></conecta-internal-chat>`;

const meta = {
  title: 'Agent/Internal chat',
  component: 'conecta-internal-chat',
  decorators: [withTokens, withDarkPage],
  args: { lang: 'pt-BR', 'with-agent': bruno.id, variant: 'default', 'with-alerts': false, latency: 300 },
  argTypes: {
    // The manifest describes the attributes; this says what the fixtures hold.
    'with-agent': { control: 'select', options: ['', bruno.id, 'agent-carol'] },
    ...latencyArgType,
    ...tokenArgTypes,
  },
  render: onClient((args) => createMockClient(chatFixture(), { latency: args.latency })),
} satisfies Meta<InternalChatArgs>;

export default meta;
type Story = StoryObj<InternalChatArgs>;

/** Ana's conversation with Bruno open (his screenshot), Carol's in the list. */
export const Default: Story = {};

/** The conversations, none open. */
export const NoneOpen: Story = { args: { 'with-agent': '' } };

/** No conversation yet. */
export const Empty: Story = {
  args: { 'with-agent': '' },
  render: onClient((args) => createMockClient(emptyChatFixture(), { latency: args.latency })),
};

/** The conversations load, which never answers here. */
export const Loading: Story = {
  args: { 'with-agent': '' },
  render: onClient(() =>
    createMockClient(emptyChatFixture(), {
      store: { ...emptyChatFixture(), chat: { ...emptyChatFixture().chat!, conversations: null } },
    }).handle('chat.list', never),
  ),
};

/** A colleague writes every few seconds (live messages and unread counts). */
export const LiveMessages: Story = {
  args: { 'with-agent': 'agent-carol' },
  render: onClient((args) => {
    const client = createMockClient(chatFixture(), { latency: args.latency });
    let n = 0;
    const timer = setInterval(() => {
      if (!document.body.contains(document.querySelector('conecta-internal-chat'))) clearInterval(timer);
      client.pushChatMessage(bruno.id, `Mensagem ${++n} do Bruno`);
    }, 3000);
    return client;
  }),
};

/** The agent may not use the internal chat (no internalChat permission). */
export const Forbidden: Story = {
  render: onClient((args) => createMockClient(chatForbiddenFixture(), { latency: args.latency })),
};

/** The connection is lost. */
export const Offline: Story = {
  render: onClient((args) => createMockClient({ ...offlineFixture(), chat: chatFixture().chat }, { latency: args.latency })),
};

/** The list above the conversation, for a narrow column. */
export const Compact: Story = { args: { variant: 'compact' } };

export const English: Story = { args: { lang: 'en' } };

export const Spanish: Story = { args: { lang: 'es' } };

/** The dark theme (`theme="dark"`): the element's own dark colours, no page tokens. */
export const Dark: Story = dark;
