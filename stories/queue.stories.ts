import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { userEvent } from 'storybook/test';
import '../src/queue.js';
import { createMockClient, emptyFixture, offlineFixture, queueFixture, type MockClient } from '../test/fixtures/index.js';
import { darkTheme, inShadow, languageArgType, never, teamOptions, tokenArgTypes, type TokenArgs, withTokens } from './story-kit.js';

interface QueueArgs extends TokenArgs {
  lang: string;
  team: string;
  /** Delay of every mock answer, in ms: long enough to see "Accepting…". */
  latency: number;
}

/** Renders `<conecta-queue>` on a fresh mock client, so every story (and args change) starts over. */
const onClient = (makeClient: (args: QueueArgs) => MockClient) => (args: QueueArgs) =>
  html`<conecta-queue .client=${makeClient(args)} lang=${args.lang || nothing} team=${args.team || nothing}></conecta-queue>`;

const meta = {
  title: 'Agent/Queue',
  component: 'conecta-queue',
  decorators: [withTokens],
  args: { lang: 'pt-BR', team: '', latency: 400 },
  argTypes: {
    ...languageArgType,
    team: {
      control: 'select',
      options: teamOptions,
      description: "Show only this team's sessions (a team id); empty shows all of the agent's teams.",
      table: { category: 'attributes' },
    },
    latency: { control: { type: 'number', min: 0, step: 100 }, description: 'Mock client: delay of every answer (ms).', table: { category: 'story' } },
    ...tokenArgTypes,
    '--conecta-queue-counter-background': {
      control: 'color',
      description: 'Background of the counters (default: the brand color).',
      table: { category: 'element knobs' },
    },
    '--conecta-queue-wait-color': { control: 'color', description: 'Color of the wait time.', table: { category: 'element knobs' } },
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

/** Nothing waiting and nothing active. */
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

/** Another agent was faster: accepting answers ALREADY_ACCEPTED (the play function clicks Accept). */
export const AcceptError: Story = {
  render: onClient((args) =>
    createMockClient(queueFixture(), { latency: args.latency }).failWith('session.accept', 'ALREADY_ACCEPTED', 'This session was already accepted.'),
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-queue', '[part="accept-button"]'));
    await inShadow(canvasElement, 'conecta-queue', '.item-error[role="alert"]');
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
