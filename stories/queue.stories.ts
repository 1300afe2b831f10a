import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/queue.js';
import type { ConectaState } from '../src/client/state.js';
import type { Contact, Session } from '../src/protocol/index.js';
import {
  aContact,
  aMessage,
  aSession,
  ana,
  createMockClient,
  emptyFixture,
  offlineFixture,
  authEndedFixture,
  queueFixture,
  type MockClient,
} from '../test/fixtures/index.js';
import {
  darkTheme,
  inShadow,
  nextEvent,
  shadowText,
  never,
  teamOptions,
  latencyArgType,
  tokenArgTypes,
  type TokenArgs,
  withTokens,
  dark,
  withDarkPage,
  type AppearanceArgs,
} from './story-kit.js';

/** Named after the element's attributes: the manifest describes them (.storybook/preview.ts). */
interface QueueArgs extends TokenArgs, AppearanceArgs {
  lang: string;
  team: string;
  phase: 'waiting' | 'active' | 'pending';
  'with-alerts': boolean;
  /** Delay of every mock answer, in ms: long enough to see "Accepting…". */
  latency: number;
}

/** Renders `<conecta-queue>` on a fresh mock client, so every story (and args change) starts over. */
const onClient = (makeClient: (args: QueueArgs) => MockClient) => (args: QueueArgs) =>
  html`<conecta-queue .client=${makeClient(args)} lang=${args.lang || nothing} team=${args.team || nothing}
    phase=${args.phase || nothing} ?with-alerts=${args['with-alerts']} theme=${args.theme || nothing} density=${args.density || nothing}></conecta-queue>`;

/** Ana's queue plus `pending` pending sessions and `waiting` waiting ones (for selection and long lists). */
function bigQueue(waiting: number, pending: number, now = Date.now()): ConectaState {
  const base = queueFixture(now);
  const sessions: Record<string, Session> = { ...base.sessions };
  const contacts: Record<string, Contact> = { ...base.contacts };
  for (let i = 0; i < waiting + pending; i++) {
    const isPending = i >= waiting;
    const contact = aContact({
      id: `story-c${i}`,
      name: `${isPending ? 'Pendente' : 'Cliente'} ${i + 1}`,
      phone: `+55119${10_000_000 + i}`,
    });
    contacts[contact.id] = contact;
    sessions[`story-s${i}`] = aSession({
      id: `story-s${i}`,
      contactId: contact.id,
      teamId: i % 2 ? 'suporte' : 'vendas',
      status: isPending ? 'pending' : 'waiting',
      agentId: isPending ? ana.id : null,
      targetAgentId: !isPending && i % 5 === 0 ? ana.id : null,
      createdAt: now - (waiting + pending - i) * 20_000,
      lastMessageAt: now - i * 30_000,
      lastMessageText: `Mensagem ${i + 1}`,
    });
  }
  return { ...base, sessions, contacts };
}

const meta = {
  title: 'Agent/Queue',
  component: 'conecta-queue',
  decorators: [withTokens, withDarkPage],
  args: { lang: 'pt-BR', team: '', phase: 'waiting', 'with-alerts': false, latency: 400 },
  argTypes: {
    // The manifest has the rest; these two say what the fixtures and the phase's type hold.
    team: { control: 'select', options: teamOptions },
    phase: { control: 'inline-radio', options: ['waiting', 'active', 'pending'] },
    ...latencyArgType,
    ...tokenArgTypes,
  },
  parameters: {
    actions: { handles: ['conecta-session-accepted', 'conecta-session-selected'] },
  },
  render: onClient((args) => createMockClient(queueFixture(), { latency: args.latency })),
} satisfies Meta<QueueArgs>;

export default meta;
type Story = StoryObj<QueueArgs>;

/** Ana's queue: two sessions waiting for her teams (Suporte, Vendas) and her active one. */
export const Default: Story = {};

/** Accepting Carla's session: the queue says so (`conecta-session-accepted`) and she moves to "active". */
export const Accept: Story = {
  args: { latency: 0 },
  play: async ({ canvasElement }) => {
    const accepted = nextEvent<CustomEvent<{ session: Session }>>(canvasElement, 'conecta-queue', 'conecta-session-accepted');
    await userEvent.click(await inShadow(canvasElement, 'conecta-queue', '[data-session-id="session-1"] [part="accept-button"]'));
    await expect((await accepted).detail.session.id).toBe('session-1');
    await waitFor(() => expect(shadowText(canvasElement, 'conecta-queue', '[data-session-id="session-1"]')).toEqual([]));
  },
};

/** Nothing waiting and nothing active.
export const Empty: Story = {
  render: onClient((args) => createMockClient(emptyFixture(), { latency: args.latency })),
};

/** The first load of the queue, which never answers here. */
export const Loading: Story = {
  render: onClient(() => createMockClient(queueFixture(), { store: { connection: 'connected' } }).handle('agent.snapshot', never)),
};

/** The connection is lost: the queue as last seen, with the "not connected" notice. */
export const Offline: Story = {
  render: onClient((args) => createMockClient(offlineFixture(), { latency: args.latency })),
};

/** The agent's sign-in ended (here: the CRM's API key was revoked): the alert in place of the connection notice. */
export const AuthEnded: Story = {
  render: onClient((args) => createMockClient(authEndedFixture(), { latency: args.latency })),
};

/** Another agent was faster: accepting answers ALREADY_ACCEPTED (the play function clicks Accept). */
export const AcceptError: Story = {
  render: onClient((args) =>
    createMockClient(queueFixture(), { latency: args.latency }).failWith(
      'session.accept',
      'ALREADY_ACCEPTED',
      'This session was already accepted.',
    ),
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-queue', '[part="accept-button"]'));
    const error = await inShadow(canvasElement, 'conecta-queue', '.item-error[role="alert"]');
    await waitFor(() => expect(error.textContent?.trim()).not.toBe(''));
  },
};

/** The queue cannot be loaded (here: the agent's login expired): the error with a Retry button. */
export const LoadFailed: Story = {
  render: onClient(() =>
    createMockClient({ ...emptyFixture(), me: null }, { store: { connection: 'connected' } }).failWith(
      'agent.snapshot',
      'UNAUTHENTICATED',
      'Not logged in as an agent.',
    ),
  ),
};

/** Only the Vendas team (the `team` attribute). */
export const OneTeam: Story = { args: { team: 'vendas' } };

export const English: Story = { args: { lang: 'en' } };

export const Spanish: Story = { args: { lang: 'es' } };

/** The `--conecta-*` tokens and the queue's knobs, set on an ancestor as a host page would. */
export const Themed: Story = {
  args: {
    ...darkTheme,
    '--conecta-queue-counter-background': '#f28b82',
    '--conecta-queue-wait-color': '#fdd663',
  },
};

/** The pending phase: rescue one, or select (Space, checkboxes, "select all visible") and rescue or finish in bulk. */
export const Pending: Story = {
  args: { phase: 'pending' },
  render: onClient((args) => createMockClient(bigQueue(0, 8), { latency: args.latency })),
};

/** 60 pending sessions, all visible ones selected: the selection stops at 50, and says so. */
export const SelectionAtLimit: Story = {
  args: { phase: 'pending' },
  render: onClient((args) => createMockClient(bigQueue(0, 60), { latency: args.latency })),
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-queue', '.select-all-box'));
    await inShadow(canvasElement, 'conecta-queue', '#selection-limit');
  },
};

/** Finishing the selection asks first, and says no satisfaction survey is sent. */
export const BulkFinishConfirmation: Story = {
  args: { phase: 'pending' },
  render: onClient((args) => createMockClient(bigQueue(0, 5), { latency: args.latency })),
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-queue', '.select-all-box'));
    await userEvent.click(await inShadow(canvasElement, 'conecta-queue', '.bulk-finish'));
    await inShadow(canvasElement, 'conecta-queue', '[role="alertdialog"]');
  },
};

/** Searching "car": the store is filtered at once, and the server is asked 300 ms after typing stops. */
export const Search: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-queue', '[part="search"]'), 'car');
  },
};

/** A search that matches nothing. */
export const NoResults: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.type(await inShadow(canvasElement, 'conecta-queue', '[part="search"]'), 'zzz');
  },
};

/** "View conversation" on a waiting session: the read-only preview (the play function opens it). */
export const Preview: Story = {
  render: onClient((args) => {
    const now = Date.now();
    const state = queueFixture(now);
    const messages = [
      aMessage({
        id: 'pv-1',
        sessionId: 'session-1',
        seq: 1,
        authorKind: 'contact',
        authorName: 'Carla Mendes',
        text: 'Olá, meu pedido não chegou.',
        createdAt: now - 180_000,
      }),
      aMessage({
        id: 'pv-2',
        sessionId: 'session-1',
        seq: 2,
        authorKind: 'contact',
        authorName: 'Carla Mendes',
        text: 'O número é 12345.',
        createdAt: now - 170_000,
      }),
    ];
    return createMockClient({ ...state, messages: { 'session-1': messages } }, { latency: args.latency, store: state });
  }),
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-queue', '[data-session-id="session-1"] [part="preview-button"]'));
  },
};

/** 10,000 waiting sessions: the list is virtualized (arrow keys, Home and End still reach every one). */
export const TenThousandSessions: Story = {
  args: { latency: 0 },
  render: onClient(() => createMockClient(bigQueue(10_000, 0))),
};

/**
 * 2,000 sessions waiting on the server, which sends them 50 at a time (as a real one does): the counter
 * says 2,000 from the start, and scrolling near the end of the list brings the next page.
 */
export const PagedFromServer: Story = {
  render: onClient((args) => {
    const state = bigQueue(2_000, 0);
    return createMockClient(state, {
      latency: args.latency,
      waitingPageSize: 50,
      store: { me: state.me, teams: state.teams, connection: 'connected' },
    });
  }),
};

/** The dark theme (`theme="dark"`): the element's own dark colours, no page tokens. */
export const Dark: Story = dark;

/** Compact density, dark: more rows on screen. */
export const CompactDark: Story = { args: { theme: 'dark', density: 'compact', phase: 'pending' } };
