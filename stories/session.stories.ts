import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { userEvent } from 'storybook/test';
import '../src/session.js';
import { ana, conversationFixture, createMockClient, offlineFixture, type MockClient } from '../test/fixtures/index.js';
import { darkTheme, inShadow, languageArgType, never, tokenArgTypes, withTokens, type TokenArgs } from './story-kit.js';

interface SessionArgs extends TokenArgs {
  lang: string;
  sessionId: string;
  /** Delay of every mock answer, in ms: long enough to see "sending" and "Finishing…". */
  latency: number;
}

/** Renders `<conecta-session>` on a fresh mock client, so every story (and args change) starts over. */
const onClient = (makeClient: (args: SessionArgs) => MockClient) => (args: SessionArgs) =>
  html`<conecta-session .client=${makeClient(args)} lang=${args.lang || nothing} session-id=${args.sessionId || nothing}></conecta-session>`;

const knob = (description: string, control: 'color' | 'text' = 'color') => ({ control, description, table: { category: 'element knobs' } });

const meta = {
  title: 'Agent/Session',
  component: 'conecta-session',
  decorators: [withTokens],
  args: { lang: 'pt-BR', sessionId: 'session-4', latency: 400 },
  argTypes: {
    ...languageArgType,
    sessionId: {
      name: 'session-id',
      control: 'select',
      options: ['session-4', 'session-1', 'session-5', 'session-6', ''],
      description:
        'The session shown. Fixtures: `session-4` active with a conversation, `session-1` waiting, `session-5` pending, `session-6` finished; empty: none.',
      table: { category: 'attributes' },
    },
    latency: { control: { type: 'number', min: 0, step: 100 }, description: 'Mock client: delay of every answer (ms).', table: { category: 'story' } },
    ...tokenArgTypes,
    '--conecta-session-height': knob("The element's height (default `32rem`).", 'text'),
    '--conecta-message-background': knob("Background of others' messages."),
    '--conecta-message-own-background': knob("Background of the agent's own messages."),
  },
  parameters: { actions: { handles: ['conecta-session-finished'] } },
  render: onClient((args) => createMockClient(conversationFixture(), { latency: args.latency })),
} satisfies Meta<SessionArgs>;

export default meta;
type Story = StoryObj<SessionArgs>;

/** Ana's active session with Elisa: contact and agent messages, a system message, a link. */
export const Default: Story = {};

/** No `session-id` yet (nothing chosen in the queue). */
export const Empty: Story = { args: { sessionId: '' } };

/** A session parked by Ana, with no messages: the composer says why it is disabled. */
export const Pending: Story = { args: { sessionId: 'session-5' } };

/** Opening the session, which never answers here. */
export const Loading: Story = {
  render: onClient(() =>
    createMockClient(conversationFixture(), { store: { connection: 'connected', me: ana } }).handle('session.sync', never),
  ),
};

/** The connection is lost: the conversation as last seen, with the "not connected" notice. */
export const Offline: Story = {
  render: onClient((args) => createMockClient(offlineFixture(), { latency: args.latency })),
};

/** Finishing answers SESSION_FINISHED (finished elsewhere): the play function clicks Finish, then confirms. */
export const FinishError: Story = {
  render: onClient((args) =>
    createMockClient(conversationFixture(), { latency: args.latency }).failWith('session.finish', 'SESSION_FINISHED', 'This session is already finished.'),
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-session', '[part="finish-button"]'));
    await userEvent.click(await inShadow(canvasElement, 'conecta-session', '[part="confirm"] button.danger'));
    await inShadow(canvasElement, 'conecta-session', '[part="confirm"] [role="alert"]');
  },
};

/** A message the server refuses (RATE_LIMITED): it shows as failed, with Retry. The play function sends it. */
export const SendFailed: Story = {
  render: onClient((args) =>
    createMockClient(conversationFixture(), { latency: args.latency }).failWith('message.send', 'RATE_LIMITED', 'Too many messages.'),
  ),
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-session', '[part="input"]'), 'Conseguiu redefinir a senha?{Enter}');
    await inShadow(canvasElement, 'conecta-session', '[part~="retry-button"]');
  },
};

export const English: Story = { args: { lang: 'en' } };

export const Spanish: Story = { args: { lang: 'es' } };

/** The `--conecta-*` tokens and the session's knobs, set on an ancestor as a host page would. */
export const Themed: Story = {
  args: {
    ...darkTheme,
    '--conecta-session-height': '26rem',
    '--conecta-message-background': '#2a2f3a',
    '--conecta-message-own-background': '#33415c',
  },
};
