import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/session.js';
import type { ConectaState } from '../src/client/state.js';
import type { Session } from '../src/protocol/index.js';
import {
  aMessage,
  ana,
  bruno,
  contacts,
  conversationFixture,
  createMockClient,
  earlierSessionFixture,
  otherChannelsFixture,
  offlineFixture,
  authEndedFixture,
  type MockClient,
} from '../test/fixtures/index.js';
import { darkTheme, inShadow, latencyArgType, never, shadowText, tokenArgTypes, withTokens, type TokenArgs } from './story-kit.js';

interface SessionArgs extends TokenArgs {
  lang: string;
  'session-id': string;
  /** Delay of every mock answer, in ms: long enough to see "sending" and "Finishing…". */
  latency: number;
}

/** Renders `<conecta-session>` on a fresh mock client, so every story (and args change) starts over. */
const onClient = (makeClient: (args: SessionArgs) => MockClient) => (args: SessionArgs) =>
  html`<conecta-session .client=${makeClient(args)} lang=${args.lang || nothing} session-id=${args['session-id'] || nothing}></conecta-session>`;

const meta = {
  title: 'Agent/Session',
  component: 'conecta-session',
  decorators: [withTokens],
  args: { lang: 'pt-BR', 'session-id': 'session-4', latency: 400 },
  argTypes: {
    // The manifest describes the attributes; this says what the fixtures hold.
    'session-id': {
      control: 'select',
      options: ['session-4', 'session-1', 'session-5', 'session-6', ''],
      description: 'Fixtures: `session-4` active with a conversation, `session-1` waiting, `session-5` pending, `session-6` finished.',
    },
    ...latencyArgType,
    ...tokenArgTypes,
  },
  parameters: {
    actions: { handles: ['conecta-session-finished', 'conecta-session-selected', 'conecta-call-request', 'conecta-contact-edit'] },
  },
  render: onClient((args) => createMockClient(conversationFixture(), { latency: args.latency })),
} satisfies Meta<SessionArgs>;

export default meta;
type Story = StoryObj<SessionArgs>;

/** Ana's active session with Elisa: contact and agent messages, a system message, a link. */
export const Default: Story = {};

/** Writing to Elisa: Enter sends, the message joins the conversation and the field empties. */
export const Send: Story = {
  args: { latency: 0 },
  play: async ({ canvasElement }) => {
    const input = await inShadow<HTMLTextAreaElement>(canvasElement, 'conecta-session', '#composer-input');
    await userEvent.type(input, 'Já enviamos o código de rastreio.{Enter}');
    await waitFor(() =>
      expect(
        shadowText(canvasElement, 'conecta-session', '[part~="message"]').some((text) =>
          text.includes('Já enviamos o código de rastreio.'),
        ),
      ).toBe(true),
    );
    await expect(input.value).toBe('');
  },
};

/** No `session-id` yet (nothing chosen in the queue). */
export const Empty: Story = { args: { 'session-id': '' } };

/** A session parked by Ana, with no messages: the composer says why it is disabled. */
export const Pending: Story = { args: { 'session-id': 'session-5' } };

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

/** The agent's sign-in ended (here: the CRM's API key was revoked): the alert in place of the connection notice. */
export const AuthEnded: Story = {
  render: onClient((args) => createMockClient(authEndedFixture(), { latency: args.latency })),
};

/** Finishing answers SESSION_FINISHED (finished elsewhere): the play function clicks Finish, then confirms. */
export const FinishError: Story = {
  render: onClient((args) =>
    createMockClient(conversationFixture(), { latency: args.latency }).failWith(
      'session.finish',
      'SESSION_FINISHED',
      'This session is already finished.',
    ),
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
    '--conecta-message-own-background': '#263a57',
  },
};

const HOUR = 60 * 60 * 1000;
/** An inline picture, so the story needs no server. */
const sampleImage = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><rect width="320" height="200" fill="#0b5cad"/><circle cx="160" cy="100" r="60" fill="#fff"/></svg>')}`;

/** The conversation fixture with Ana's session (`session-4`) changed. */
function withSession(change: Partial<Session>, now = Date.now()): ConectaState {
  const state = conversationFixture(now);
  return { ...state, sessions: { ...state.sessions, 'session-4': { ...state.sessions['session-4'], ...change } } };
}

/** WhatsApp, the contact silent for 25 hours: the composer says why and offers the template picker. */
export const WindowClosed: Story = {
  render: onClient((args) =>
    createMockClient(withSession({ channel: 'whatsapp', lastInboundAt: Date.now() - 25 * HOUR }), { latency: args.latency }),
  ),
};

/** WhatsApp with 2 hours left in the conversation window (the countdown ticks in the header). */
export const WindowOpen: Story = {
  render: onClient((args) =>
    createMockClient(withSession({ channel: 'whatsapp', lastInboundAt: Date.now() - 22 * HOUR }), { latency: args.latency }),
  ),
};

/** An image shown inline, an audio to play, a PDF with its size. */
export const WithAttachments: Story = {
  render: onClient((args) => {
    const state = conversationFixture();
    const now = Date.now();
    const file = (id: string, name: string, kind: 'image' | 'audio' | 'file', mime: string, size: number) => ({
      id,
      name,
      kind,
      mime,
      size,
      url: kind === 'image' ? sampleImage : `/api/files/${id}`,
    });
    state.messages = {
      'session-4': [
        ...state.messages['session-4'],
        aMessage({
          id: 'm-att',
          sessionId: 'session-4',
          seq: 5,
          authorKind: 'contact',
          authorId: contacts.elisa.id,
          authorName: contacts.elisa.name,
          text: 'Seguem os arquivos',
          createdAt: now - 60_000,
          attachments: [
            file('f1', 'print.png', 'image', 'image/png', 182_000),
            file('f2', 'audio.ogg', 'audio', 'audio/ogg', 48_000),
            file('f3', 'contrato.pdf', 'file', 'application/pdf', 2_400_000),
          ],
        }),
      ],
    };
    return createMockClient(state, { latency: args.latency });
  }),
};

/** 600 messages over three days: the newest 200 load first, older ones on scrolling to the top. */
export const LongConversation: Story = {
  render: onClient((args) => {
    const state = conversationFixture();
    const now = Date.now();
    const messages = Array.from({ length: 600 }, (_, i) => {
      const fromContact = i % 3 !== 0;
      return aMessage({
        id: `long-${i + 1}`,
        sessionId: 'session-4',
        seq: i + 1,
        text: `Mensagem ${i + 1}`,
        createdAt: now - (600 - i) * 7 * 60_000,
        ...(fromContact
          ? { authorKind: 'contact' as const, authorId: contacts.elisa.id, authorName: contacts.elisa.name }
          : { authorKind: 'agent' as const, authorId: ana.id, authorName: ana.name, status: 'read' as const, readAt: now }),
      });
    });
    return createMockClient(
      { ...state, messages: { 'session-4': messages } },
      { latency: args.latency, store: { ...state, messages: {} } },
    );
  }),
};

/** Bruno invited into Ana's session: every agent message is signed; Ana sees the invitation. */
export const InvitedCollaborator: Story = {
  render: onClient((args) => {
    const state = withSession({ invitedAgentIds: [bruno.id] });
    const now = Date.now();
    state.messages = {
      'session-4': [
        ...state.messages['session-4'],
        aMessage({
          id: 'inv-1',
          sessionId: 'session-4',
          seq: 5,
          authorKind: 'system',
          text: '',
          createdAt: now - 90_000,
          system: { type: 'invited', byAgentId: ana.id, byAgentName: ana.name, agentId: bruno.id, agentName: bruno.name },
        }),
        aMessage({
          id: 'inv-2',
          sessionId: 'session-4',
          seq: 6,
          authorKind: 'agent',
          authorId: bruno.id,
          authorName: bruno.name,
          text: 'Olá, Elisa! Sou do financeiro e vou ajudar com a fatura.',
          createdAt: now - 60_000,
        }),
      ],
    };
    return createMockClient(state, { latency: args.latency });
  }),
};

/** The same, seen by Bruno, the invitee: he may leave the session. */
/** A finished session the contact rated: the stars ("4 de 5 estrelas") and the comment in the header. */
export const Rated: Story = {
  render: onClient((args) =>
    createMockClient(withSession({ status: 'finished', finishedAt: Date.now(), rating: 4, ratingComment: 'Resolveu rápido, obrigada!' }), {
      latency: args.latency,
    }),
  ),
};

export const AsInvitee: Story = {
  render: onClient((args) => createMockClient({ ...withSession({ invitedAgentIds: [bruno.id] }), me: bruno }, { latency: args.latency })),
};

/** The side panel on its Notes tab (the play function opens it and writes a note). */
export const SidePanelNotes: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-session', '#tab-notes'));
    await userEvent.type(await inShadow(canvasElement, 'conecta-session', '#note-new'), 'Prefere contato por WhatsApp.');
  },
};

/** The side panel on its Protocol tab. */
export const SidePanelProtocol: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-session', '#tab-protocol'));
  },
};

/** Without the side panel, for small hosts. */
export const WithoutSidePanel: Story = {
  render: (args) =>
    html`<conecta-session .client=${createMockClient(conversationFixture(), { latency: args.latency })} lang=${args.lang || nothing}
      session-id="session-4" without-side-panel></conecta-session>`,
};

const openTool =
  (name: string): Story['play'] =>
  async ({ canvasElement }) => {
    const tool = await inShadow(canvasElement, 'conecta-session', `[data-tool="${name}"]`);
    // Less frequent tools are in the "more" menu: open it first.
    if (tool.getAttribute('role') === 'menuitem')
      await userEvent.click(await inShadow(canvasElement, 'conecta-session', '[data-tool="more"]'));
    await userEvent.click(tool);
  };

/** The transfer dialog open: team, optional agent (online state shown) and note. */
export const TransferDialog: Story = { play: openTool('transfer') };

/** The template picker open: variables, live preview. */
export const TemplateDialog: Story = { play: openTool('template') };

/** The tags dialog open. */
export const TagsDialog: Story = { play: openTool('tags') };

/** The invite dialog open. */
export const InviteDialog: Story = { play: openTool('invite') };

/** The history dialog open (Ana has the history permission: every team). */
export const HistoryDialog: Story = { play: openTool('history') };

/** "Outros canais": Elisa's open session on WhatsApp, and her finished ones there, ten at a time with "Carregar mais". */
export const OtherChannelsDialog: Story = {
  render: onClient((args) => createMockClient(otherChannelsFixture(12), { latency: args.latency })),
  play: openTool('channels'),
};

/** An earlier session of Elisa opened from "Histórico": read-only, with the way back to the current one. */
export const EarlierSession: Story = {
  render: onClient((args) => createMockClient(earlierSessionFixture(), { latency: args.latency, store: conversationFixture() })),
  play: async (context) => {
    await openTool('history')!(context);
    await userEvent.click(await inShadow(context.canvasElement, 'conecta-session', 'dialog [data-session-id="session-40"]'));
  },
};
