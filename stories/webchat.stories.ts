import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { userEvent } from 'storybook/test';
import '../src/webchat.js';
import type { ConectaState } from '../src/client/state.js';
import {
  createMockClient,
  webchatChannel,
  webchatNewVisitorFixture,
  webchatReturningFixture,
  type MockClient,
} from '../test/fixtures/index.js';
import { darkTheme, inShadow, languageArgType, never, tokenArgTypes, withTokens, type TokenArgs } from './story-kit.js';

interface WebchatArgs extends TokenArgs {
  lang: string;
  channel: string;
  open: boolean;
  /** Delay of every mock answer, in ms: long enough to see "Starting…" and "sending". */
  latency: number;
}

/** Renders `<conecta-webchat>` on a fresh visitor mock client, so every story (and args change) starts over. */
const onClient = (makeClient: (args: WebchatArgs) => MockClient) => (args: WebchatArgs) =>
  html`<conecta-webchat
    .client=${makeClient(args)}
    lang=${args.lang || nothing}
    channel=${args.channel || nothing}
    ?open=${args.open}
  ></conecta-webchat>`;

const visitorClient = (state: ConectaState, args: WebchatArgs) => createMockClient(state, { identity: 'visitor', latency: args.latency });

/**
 * The webchat remembers an open panel in sessionStorage (per server and channel) and reopens it:
 * forget it before each story, so the `open` arg decides. The element is fixed to the window's
 * corner: give the canvas a page's height.
 */
const asOnAPage: Decorator<WebchatArgs> = (story) => {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('conecta-webchat:open:')) sessionStorage.removeItem(key);
  } catch {
    /* storage forbidden: nothing remembered */
  }
  return html`<div style="min-block-size: 100vh">${story()}</div>`;
};

const knob = (description: string, control: 'color' | 'text' = 'text') => ({ control, description, table: { category: 'element knobs' } });

const meta = {
  title: 'Visitor/Webchat',
  component: 'conecta-webchat',
  decorators: [asOnAPage, withTokens],
  args: { lang: 'pt-BR', channel: webchatChannel.key, open: true, latency: 400 },
  argTypes: {
    ...languageArgType,
    channel: { control: 'text', description: "The webchat channel's key (set up on the server).", table: { category: 'attributes' } },
    open: { control: 'boolean', description: 'Whether the panel is open.', table: { category: 'attributes' } },
    latency: { control: { type: 'number', min: 0, step: 100 }, description: 'Mock client: delay of every answer (ms).', table: { category: 'story' } },
    ...tokenArgTypes,
    '--conecta-webchat-width': knob('Panel width (default `22rem`).'),
    '--conecta-webchat-height': knob('Panel height (default `32rem`).'),
    '--conecta-webchat-offset': knob("Distance from the window's corner (default `1rem`)."),
    '--conecta-webchat-z-index': knob('Stacking order (default very high).'),
    '--conecta-message-background': knob("Background of the agents' messages.", 'color'),
    '--conecta-message-own-background': knob("Background of the visitor's own messages.", 'color'),
  },
  parameters: { layout: 'fullscreen' },
  render: onClient((args) => visitorClient(webchatReturningFixture(), args)),
} satisfies Meta<WebchatArgs>;

export default meta;
type Story = StoryObj<WebchatArgs>;

/** A returning visitor (Carla) with an unfinished conversation, waiting for an agent. */
export const Default: Story = {};

/** Closed: only the launcher. */
export const Closed: Story = { args: { open: false } };

/** A first-time visitor: the pre-chat form (name, optional e-mail, team). */
export const Empty: Story = {
  render: onClient((args) => visitorClient(webchatNewVisitorFixture(), args)),
};

/** Looking for the visitor's conversations, which never answers here. */
export const Loading: Story = {
  render: onClient((args) => visitorClient(webchatReturningFixture(), args).handle('webchat.sessions', never)),
};

/** The connection is lost: the conversation as last seen, with the "not connected" notice. */
export const Offline: Story = {
  render: onClient((args) => visitorClient({ ...webchatReturningFixture(), connection: 'disconnected' }, args)),
};

/** Starting answers RATE_LIMITED: the play function fills the pre-chat form and starts. */
export const StartError: Story = {
  render: onClient((args) =>
    visitorClient(webchatNewVisitorFixture(), args).failWith('webchat.start', 'RATE_LIMITED', 'Too many conversations started.'),
  ),
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-webchat', '#visitor-name'), 'Marina Alves');
    await userEvent.click(await inShadow(canvasElement, 'conecta-webchat', 'input[type="radio"]'));
    await userEvent.click(await inShadow(canvasElement, 'conecta-webchat', '[part="start-button"]'));
    await inShadow(canvasElement, 'conecta-webchat', '[part="prechat"] [role="alert"]');
  },
};

export const English: Story = { args: { lang: 'en' } };

export const Spanish: Story = {
  args: { lang: 'es' },
  render: onClient((args) => visitorClient(webchatNewVisitorFixture(), args)),
};

/** The `--conecta-*` tokens and the webchat's knobs, set on an ancestor as a host page would. */
export const Themed: Story = {
  args: {
    ...darkTheme,
    '--conecta-webchat-width': '26rem',
    '--conecta-webchat-height': '36rem',
    '--conecta-webchat-offset': '2rem',
    '--conecta-message-background': '#2a2f3a',
    '--conecta-message-own-background': '#33415c',
  },
};
