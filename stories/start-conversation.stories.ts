import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/start-conversation.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import {
  accountsFixture,
  contacts,
  createMockClient,
  offlineFixture,
  queueFixture,
  wroteOnWhatsappFixture,
  type MockClient,
} from '../test/fixtures/index.js';
import { inShadow, tokenArgTypes, withTokens, type TokenArgs, withDarkPage, type AppearanceArgs } from './story-kit.js';

interface StartArgs extends TokenArgs, AppearanceArgs {
  lang: string;
  'contact-id': string;
}

const onClient = (makeClient: () => MockClient) => (args: StartArgs) =>
  html`<conecta-start-conversation .client=${makeClient()} contact-id=${args['contact-id']} lang=${args.lang || nothing}
    theme=${args.theme || nothing} density=${args.density || nothing}></conecta-start-conversation>`;

const meta = {
  title: 'Agent/Start conversation',
  component: 'conecta-start-conversation',
  decorators: [withTokens, withDarkPage],
  args: { lang: 'pt-BR', 'contact-id': contacts.carla.id },
  argTypes: { ...tokenArgTypes },
  parameters: { actions: { handles: ['conecta-conversation-started'] } },
  render: onClient(() => createMockClient(queueFixture(), { latency: 300 })),
} satisfies Meta<StartArgs>;

export default meta;
type Story = StoryObj<StartArgs>;

/** Outside the 24-hour window: a template, its variables pre-filled from the contact, with a live preview. */
export const Default: Story = {};

/** Inside the window: a free message. */
export const WindowOpen: Story = {
  render: onClient(() => createMockClient(wroteOnWhatsappFixture(30), { latency: 300 })),
};

/** A contact without a phone: WhatsApp cannot reach them, said before anything is sent. */
export const NoPhone: Story = { args: { 'contact-id': contacts.elisa.id } };

/** No contact given: the agent finds one as in the directory. */
export const FindContact: Story = { args: { 'contact-id': '' } };

/** "Gerar atendimento → Conta": choosing an account lists its contacts, and the search stays within it. */
export const ChooseAccount: Story = {
  args: { 'contact-id': '' },
  render: onClient(() => createMockClient(accountsFixture(), { latency: 300 })),
  play: async ({ canvasElement }) => {
    await userEvent.selectOptions(await inShadow(canvasElement, 'conecta-start-conversation', '#account'), 'acc-varejo');
    const results = await inShadow(canvasElement, 'conecta-start-conversation', '[part="results"]');
    await waitFor(() => expect(results.querySelectorAll('li')).toHaveLength(2));
  },
};

/** A contact given in an account: the dialog is in that account, and the contact shows it. */
export const ContactInAccount: Story = {
  render: onClient(() => createMockClient(accountsFixture(), { latency: 300 })),
};

/** The server refuses (the agent lost the permission meanwhile). */
export const Refused: Story = {
  render: onClient(() => createMockClient(wroteOnWhatsappFixture(30)).failWith('session.start', 'FORBIDDEN', 'no')),
};

/** The connection is lost. */
export const Offline: Story = {
  render: onClient(() => createMockClient(offlineFixture())),
};
