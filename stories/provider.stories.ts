import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/provider.js';
import '../src/queue.js';
import '../src/agent-bar.js';
import { agentBarFixture, createMockClient, queueFixture } from '../test/fixtures/index.js';
import { latencyArgType, withTokens, type TokenArgs } from './story-kit.js';

interface ProviderArgs extends TokenArgs {
  latency: number;
}

const meta = {
  title: 'Agent/Provider',
  component: 'conecta-provider',
  decorators: [withTokens],
  args: { latency: 300 },
  argTypes: { ...latencyArgType },
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

/**
 * One client for every element inside: here the mock client, set on the provider's `client`
 * property (a page sets `server` and `token`, or `getToken`, instead). The queue has no client of
 * its own: it uses the provider's.
 */
export const SharedClient: Story = {
  render: (args) =>
    html`<conecta-provider .client=${createMockClient(queueFixture(), { latency: args.latency })}>
      <conecta-queue></conecta-queue>
    </conecta-provider>`,
};

/** Two elements under one provider share its client: the agent bar and the queue. */
export const TwoElements: Story = {
  render: (args) =>
    html`<conecta-provider .client=${createMockClient(agentBarFixture({}), { latency: args.latency })}>
      <conecta-agent-bar></conecta-agent-bar>
      <conecta-queue></conecta-queue>
    </conecta-provider>`,
};
