import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/agent-bar.js';
import { agentBarFixture, authEndedFixture, createMockClient, pausedFor, type AgentBarFixtureOptions } from '../test/fixtures/index.js';
import { inShadow, latencyArgType, shadowText, tokenArgTypes, withTokens, type TokenArgs } from './story-kit.js';

interface AgentBarArgs extends TokenArgs {
  lang: string;
  /** Delay of every mock answer, in ms. */
  latency: number;
}

/** Renders `<conecta-agent-bar>` on a fresh mock client in one of the bar's fixture states. */
const inState = (options: AgentBarFixtureOptions) => (args: AgentBarArgs) =>
  html`<conecta-agent-bar
    .client=${createMockClient(agentBarFixture(options), { latency: args.latency })}
    lang=${args.lang || nothing}
  ></conecta-agent-bar>`;

const meta = {
  title: 'Agent/Agent bar',
  component: 'conecta-agent-bar',
  decorators: [withTokens],
  args: { lang: 'pt-BR', latency: 300 },
  argTypes: {
    ...latencyArgType,
    ...tokenArgTypes,
  },
  parameters: { actions: { handles: ['conecta-logout', 'conecta-alerts-changed'] } },
  render: inState({}),
} satisfies Meta<AgentBarArgs>;

export default meta;
type Story = StoryObj<AgentBarArgs>;

/** Ana, connected and available, with her counters. */
export const Default: Story = {};

/** Reconnecting after a blip (amber). */
export const Reconnecting: Story = { render: inState({ connection: 'connecting' }) };

/** The server cannot be reached (red): the tooltip says what to check. */
export const Offline: Story = { render: inState({ connection: 'connecting', connectionFailures: 3 }) };

/** Ana takes the coffee pause: the bar shows it with its countdown; "end pause" brings her back. */
export const Pause: Story = {
  args: { latency: 0 },
  play: async ({ canvasElement }) => {
    const bar = canvasElement.querySelector('conecta-agent-bar')!;
    await userEvent.selectOptions(await inShadow(canvasElement, 'conecta-agent-bar', 'select[name=pause-type]'), 'pause-coffee');
    await userEvent.click(await inShadow(canvasElement, 'conecta-agent-bar', '[part="pause"] button[type="submit"]'));
    await waitFor(() => expect(bar.matches(':state(paused)')).toBe(true));
    await expect(shadowText(canvasElement, 'conecta-agent-bar', '[part="pause-time"]')[0]).toMatch(/\d+:\d{2}/);
    await userEvent.click(await inShadow(canvasElement, 'conecta-agent-bar', '[part="pause"] button'));
    await waitFor(() => expect(bar.matches(':state(paused)')).toBe(false));
  },
};

/** On the coffee pause, within its 10 minutes: the countdown. */
export const Paused: Story = { render: inState({ availability: pausedFor(4) }) };

/** On the coffee pause for 14 minutes: past the limit, a warning. */
export const PausedPastTheLimit: Story = { render: inState({ availability: pausedFor(14) }) };

/** Without the statistics permission: no counters. */
export const WithoutStatistics: Story = { render: inState({ withoutStatistics: true }) };

/** The profile dialog, opened by its play function. */
export const Profile: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-agent-bar', '[part="profile-button"]'));
  },
};

/** The agent's sign-in ended: the alert in the bar. */
export const AuthEnded: Story = {
  render: (args) =>
    html`<conecta-agent-bar .client=${createMockClient(authEndedFixture(), { latency: args.latency })} lang=${args.lang || nothing}></conecta-agent-bar>`,
};

export const English: Story = { args: { lang: 'en' } };

export const Spanish: Story = { args: { lang: 'es' } };
