import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/agent-desk.js';
import type { ConectaState } from '../src/client/state.js';
import { conversationFixture, createMockClient, emptyFixture, offlineFixture } from '../test/fixtures/index.js';
import { darkTheme, latencyArgType, tokenArgTypes, withTokens, type TokenArgs } from './story-kit.js';

interface DeskArgs extends TokenArgs {
  lang: string;
  'session-id': string;
  'without-contact-form': boolean;
  /** Delay of every mock answer, in ms. */
  latency: number;
  /** The story's frame width: the panels wrap on narrow hosts. */
  width: string;
}

/** Renders `<conecta-agent-desk>` on a fresh mock client, so every story (and args change) starts over. */
const onState = (state: () => ConectaState) => (args: DeskArgs) =>
  html`<div style=${styleMap({ maxInlineSize: args.width === 'narrow' ? '24rem' : undefined })}>
    <conecta-agent-desk .client=${createMockClient(state(), { latency: args.latency })} lang=${args.lang || nothing}
      session-id=${args['session-id'] || nothing} ?without-contact-form=${args['without-contact-form']}></conecta-agent-desk>
  </div>`;

const meta = {
  title: 'Agent/Desk',
  component: 'conecta-agent-desk',
  decorators: [withTokens],
  args: { lang: 'pt-BR', 'session-id': '', 'without-contact-form': false, latency: 300, width: '' },
  argTypes: {
    // The manifest describes the attributes; this says what the fixtures hold.
    'session-id': {
      control: 'select',
      options: ['', 'session-4', 'session-5', 'session-6'],
      description: 'Fixtures: `session-4` active, `session-5` pending, `session-6` finished.',
    },
    ...latencyArgType,
    width: {
      control: 'select',
      options: ['', 'narrow'],
      description: 'The host’s width: empty fills the canvas; narrow is 24rem.',
      table: { category: 'story' },
    },
    ...tokenArgTypes,
  },
  parameters: {
    layout: 'fullscreen',
    actions: { handles: ['conecta-session-accepted', 'conecta-session-selected', 'conecta-session-finished', 'conecta-call-request'] },
  },
  render: onState(() => conversationFixture()),
} satisfies Meta<DeskArgs>;

export default meta;
type Story = StoryObj<DeskArgs>;

/** Ana's desk with nothing open: the queue and the placeholder (bar, colleagues and chat appear once their elements are loaded). */
export const Default: Story = {};

/** Ana's active session with Elisa open, beside the queue, with Elisa's record. */
export const SessionOpen: Story = { args: { 'session-id': 'session-4' } };

/** A finished session stays open, with "Fechar atendimento", so its rating shows when the contact gives it. */
export const FinishedSession: Story = { args: { 'session-id': 'session-6' } };

/** A narrow host (a CRM's side column): the panels one under the other. */
export const Narrow: Story = { args: { 'session-id': 'session-4', width: 'narrow' } };

/** No sessions at all. */
export const Empty: Story = { render: onState(() => emptyFixture()) };

/** The connection is lost: every panel says so. */
export const Offline: Story = { render: onState(() => offlineFixture()) };

export const English: Story = { args: { lang: 'en', 'session-id': 'session-4' } };

export const Spanish: Story = { args: { lang: 'es', 'session-id': 'session-4' } };

/** The `--conecta-*` tokens set on an ancestor, as a host page would. */
export const Themed: Story = { args: { ...darkTheme, 'session-id': 'session-4' } };
