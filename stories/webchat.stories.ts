import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/webchat.js';
import type { ConectaState } from '../src/client/state.js';
import { MAX_UPLOAD_BYTES, type WebchatChannel } from '../src/protocol/index.js';
import {
  aServerMessage,
  createMockClient,
  webchatActiveFixture,
  webchatChannel,
  webchatFinishedFixture,
  webchatNewVisitorFixture,
  webchatOfflineChannel,
  webchatReturningFixture,
  webchatSingleTeamChannel,
  type MockClient,
} from '../test/fixtures/index.js';
import {
  darkTheme,
  inShadow,
  latencyArgType,
  never,
  nextEvent,
  shadowText,
  tokenArgTypes,
  withTokens,
  type TokenArgs,
} from './story-kit.js';

/** Named after the element's attributes: the manifest describes them (.storybook/preview.ts). */
interface WebchatArgs extends TokenArgs {
  lang: string;
  dir: string;
  theme: 'auto' | 'light' | 'dark';
  position: '' | 'left' | 'right';
  open: boolean;
  muted: boolean;
  /** Delay of every mock answer, in ms: long enough to see "Starting…" and "sending". */
  latency: number;
}

/** Renders `<conecta-webchat>` on a fresh visitor mock client, so every story (and args change) starts over. */
const onClient = (makeClient: (args: WebchatArgs) => MockClient) => (args: WebchatArgs) =>
  html`<conecta-webchat
    .client=${makeClient(args)}
    channel="demo"
    lang=${args.lang || nothing}
    dir=${args.dir || nothing}
    theme=${args.theme}
    position=${args.position || nothing}
    ?open=${args.open}
    ?muted=${args.muted}
  ></conecta-webchat>`;

const visitorClient = (state: ConectaState, args: WebchatArgs, channel: WebchatChannel = webchatChannel) =>
  createMockClient(state, { identity: 'visitor', latency: args.latency, channel });

/**
 * The webchat remembers an open panel (sessionStorage), a started conversation and the mute
 * (localStorage): forget them before each story, so its args decide. The element is fixed to the
 * window's corner: give the canvas a page's height.
 */
const asOnAPage: Decorator<WebchatArgs> = (story) => {
  try {
    for (const storage of [sessionStorage, localStorage]) {
      for (const key of Object.keys(storage)) if (key.startsWith('conecta-webchat:')) storage.removeItem(key);
    }
  } catch {
    /* storage forbidden: nothing remembered */
  }
  return html`<div style="min-block-size: 100vh">${story()}</div>`;
};

/** Fill in the pre-chat form as Joana and go on to the menu. */
async function throughPrechat(canvas: HTMLElement): Promise<void> {
  await userEvent.type(await inShadow(canvas, 'conecta-webchat', '#webchat-name'), 'Joana Prado');
  await userEvent.click(await inShadow(canvas, 'conecta-webchat', '[part="start-button"]'));
  await inShadow(canvas, 'conecta-webchat', '[part="menu"]');
}

const meta = {
  title: 'Visitor/Webchat',
  component: 'conecta-webchat',
  decorators: [asOnAPage, withTokens],
  args: { lang: 'pt-BR', dir: '', theme: 'auto', position: '', open: true, muted: false, latency: 300 },
  // The manifest describes the attributes and the webchat's own custom properties.
  argTypes: { ...latencyArgType, ...tokenArgTypes },
  parameters: {
    layout: 'fullscreen',
    actions: {
      handles: [
        'conecta-webchat-ready',
        'conecta-webchat-open',
        'conecta-webchat-close',
        'conecta-webchat-message',
        'conecta-webchat-unread',
      ],
    },
  },
  render: onClient((args) => visitorClient(webchatNewVisitorFixture(), args)),
} satisfies Meta<WebchatArgs>;

export default meta;
type Story = StoryObj<WebchatArgs>;

/** A first-time visitor: the channel's greeting and its pre-chat form (name required, e-mail optional). */
export const Prechat: Story = {};

/** Closed: only the launcher with the channel's icon. */
export const Closed: Story = { args: { open: false } };

/** The launcher opens the panel (`conecta-webchat-open`) and gives it the focus; Escape closes it. */
export const Open: Story = {
  args: { open: false },
  play: async ({ canvasElement }) => {
    const webchat = canvasElement.querySelector('conecta-webchat')!;
    const opened = nextEvent(canvasElement, 'conecta-webchat', 'conecta-webchat-open');
    await userEvent.click(await inShadow(canvasElement, 'conecta-webchat', '[part="launcher"]'));
    await opened;
    await expect(webchat).toHaveAttribute('open');
    await expect(await inShadow(canvasElement, 'conecta-webchat', '[part="panel"]')).toBeVisible();
  },
};

/** Closed, for a returning visitor with an unread message from Ana: the badge on the launcher. */
export const ClosedWithUnread: Story = {
  args: { open: false },
  render: (args) => {
    localStorage.setItem('conecta-webchat:engaged:#demo', '1');
    return onClient(() => visitorClient(webchatActiveFixture(), args))(args);
  },
};

/** The pre-chat form refused: the required name missing, the e-mail malformed. */
export const PrechatErrors: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-webchat', '#webchat-email'), 'joana@');
    await userEvent.click(await inShadow(canvasElement, 'conecta-webchat', '[part="start-button"]'));
    await inShadow(canvasElement, 'conecta-webchat', '#webchat-name-error');
  },
};

/** The channel's numbered menu, after the pre-chat form: click an option or type its number. */
export const Menu: Story = {
  play: async ({ canvasElement }) => throughPrechat(canvasElement),
};

/** Every team out of hours: the offline form, whose message starts a waiting conversation. */
export const OfflineForm: Story = {
  render: onClient((args) => visitorClient(webchatNewVisitorFixture(), args, webchatOfflineChannel)),
};

/** After the offline form: the message waits for the team to be back. */
export const OfflineSent: Story = {
  render: onClient((args) => visitorClient(webchatNewVisitorFixture(), args, webchatOfflineChannel)),
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-webchat', '#webchat-name'), 'Rui');
    await userEvent.type(await inShadow(canvasElement, 'conecta-webchat', '#webchat-text'), 'Vocês entregam no sábado?');
    await userEvent.click(await inShadow(canvasElement, 'conecta-webchat', '[part="start-button"]'));
    await inShadow(canvasElement, 'conecta-webchat', '[part="queue-status"]');
  },
};

/** One team, no menu, nothing required: left corner, the "help" icon, the default greeting. */
export const SingleTeam: Story = {
  render: onClient((args) => visitorClient(webchatNewVisitorFixture(), args, webchatSingleTeamChannel)),
};

/** A returning visitor (Carla) waiting: her place in the queue and the estimated wait. */
export const Waiting: Story = {
  render: onClient((args) => visitorClient(webchatReturningFixture(), args)),
};

/** Ana took the conversation: her name and initials, read receipts, Ana typing. */
export const Conversation: Story = {
  render: onClient((args) => {
    const client = visitorClient(webchatActiveFixture(), args);
    client.pushTyping('session-1', true);
    return client;
  }),
};

/** The visitor writes to Ana: Enter sends, the message joins the transcript and the field empties. */
export const Send: Story = {
  args: { latency: 0 },
  render: onClient((args) => visitorClient(webchatActiveFixture(), args)),
  play: async ({ canvasElement }) => {
    const input = await inShadow<HTMLTextAreaElement>(canvasElement, 'conecta-webchat', '#webchat-input');
    await userEvent.type(input, 'Chegou, obrigada!{Enter}');
    await waitFor(() =>
      expect(shadowText(canvasElement, 'conecta-webchat', '[part~="message"]').some((text) => text.includes('Chegou, obrigada!'))).toBe(
        true,
      ),
    );
    await expect(input.value).toBe('');
  },
};

/** Files both ways: an image and a PDF from Ana, a file of the visitor's still uploading. */
export const WithAttachments: Story = {
  render: onClient((args) => {
    const client = createMockClient(webchatActiveFixture(), {
      identity: 'visitor',
      latency: args.latency,
      upload: (_file, { onProgress }) => {
        onProgress?.(0.45);
        return never();
      },
    });
    client.push({
      message: aServerMessage({
        id: 'm-files',
        sessionId: 'session-1',
        seq: 5,
        authorKind: 'agent',
        authorId: 'agent-ana',
        authorName: 'Ana',
        text: 'Segue a nota e o rastreio: https://example.com/rastreio',
        createdAt: Date.now(),
        attachments: [{ id: 'f-1', name: 'nota-fiscal.pdf', size: 182_000, mime: 'application/pdf', kind: 'file', url: '/api/files/f-1' }],
      }),
    });
    return client;
  }),
  play: async ({ canvasElement }) => {
    const conversation = await inShadow(canvasElement, 'conecta-webchat', '.conversation');
    const files = new DataTransfer();
    files.items.add(new File(['%PDF'], 'comprovante.pdf', { type: 'application/pdf' }));
    conversation.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
  },
};

/** A file over 10 MB is refused before uploading. */
export const FileTooLarge: Story = {
  render: onClient((args) => visitorClient(webchatActiveFixture(), args)),
  play: async ({ canvasElement }) => {
    const conversation = await inShadow(canvasElement, 'conecta-webchat', '.conversation');
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'video.mp4', { type: 'video/mp4' }));
    conversation.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
  },
};

/** Asking to end the conversation. */
export const Ending: Story = {
  render: onClient((args) => visitorClient(webchatActiveFixture(), args)),
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-webchat', '[part="end-button"]'));
    await inShadow(canvasElement, 'conecta-webchat', '[part="confirm"]');
  },
};

/** Just ended: the 1–5 stars, a comment, the transcript download. */
export const Rating: Story = {
  render: onClient((args) => visitorClient(webchatFinishedFixture(), args)),
};

/** The rating sent: the thank-you, the transcript download and a new conversation. */
export const Thanks: Story = {
  render: onClient((args) => visitorClient(webchatFinishedFixture(), args)),
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-webchat', 'label[for="webchat-star-5"]'));
    await userEvent.click(await inShadow(canvasElement, 'conecta-webchat', '[part="rate-button"]'));
    await inShadow(canvasElement, 'conecta-webchat', '[part="thanks"]');
  },
};

/** Looking for the visitor's conversations, which never answers here. */
export const Loading: Story = {
  render: onClient((args) => visitorClient(webchatNewVisitorFixture(), args).handle('webchat.sessions', never)),
};

/** The connection is lost: the conversation as last seen, with the quiet "not connected" notice. */
export const Disconnected: Story = {
  render: onClient((args) => visitorClient({ ...webchatActiveFixture(), connection: 'disconnected' }, args)),
};

/** Starting answers RATE_LIMITED: the play function fills in the form and picks a menu option. */
export const StartError: Story = {
  render: onClient((args) =>
    visitorClient(webchatNewVisitorFixture(), args).failWith('webchat.start', 'RATE_LIMITED', 'Too many conversations started.'),
  ),
  play: async ({ canvasElement }) => {
    await throughPrechat(canvasElement);
    await userEvent.click(await inShadow(canvasElement, 'conecta-webchat', '[part="menu-option"]'));
    await inShadow(canvasElement, 'conecta-webchat', '[role="alert"]');
  },
};

/** The dark theme (what `auto` shows on a dark operating system). */
export const Dark: Story = {
  args: { theme: 'dark' },
  render: onClient((args) => visitorClient(webchatActiveFixture(), args)),
};

/** Right to left. */
export const RightToLeft: Story = {
  args: { dir: 'rtl' },
  render: onClient((args) => visitorClient(webchatActiveFixture(), args)),
};

export const English: Story = {
  args: { lang: 'en' },
  render: onClient((args) => visitorClient(webchatReturningFixture(), args)),
};

export const Spanish: Story = { args: { lang: 'es' } };

/** The `--conecta-*` tokens and the webchat's knobs, set on an ancestor as a host page would: they win over the channel's colour. */
export const Themed: Story = {
  args: {
    ...darkTheme,
    '--conecta-webchat-width': '26rem',
    '--conecta-webchat-height': '36rem',
    '--conecta-webchat-offset': '2rem',
    '--conecta-message-background': '#2a2f3a',
    '--conecta-message-own-background': '#263a57',
  },
  render: onClient((args) => visitorClient(webchatActiveFixture(), args)),
};
