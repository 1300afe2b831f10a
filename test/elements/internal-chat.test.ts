// <conecta-internal-chat>: conversations, the open conversation, sending, attachments, read marks, alerts, paging, and who may use it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/conecta-internal-chat/conecta-internal-chat.js';
import type { ConectaInternalChat } from '../../src/elements/conecta-internal-chat/conecta-internal-chat.js';
import { chatOf } from '../../src/client/chat-reducers.js';
import { AlertController } from '../../src/controllers/alert-controller.js';
import { ana, bruno, chatFixture, chatForbiddenFixture, createMockClient, emptyChatFixture, type MockClient } from '../fixtures/index.js';
import { $, $$, press, settle, text } from './helpers.js';

async function chatWith(
  client: MockClient,
  attrs: { lang?: string; withAgent?: string; alerts?: boolean } = {},
): Promise<ConectaInternalChat> {
  const el = await fixture<ConectaInternalChat>(
    html`<conecta-internal-chat .client=${client} lang=${attrs.lang ?? 'pt-BR'} with-agent=${attrs.withAgent ?? ''}
      ?with-alerts=${attrs.alerts ?? false}></conecta-internal-chat>`,
  );
  await settle(el);
  return el;
}

const conversationNames = (el: ConectaInternalChat) => $$(el, '[part~="conversation"] .name').map((n) => text(n));
const messageTexts = (el: ConectaInternalChat) => $$(el, '[part~="message"] .text').map((n) => text(n));

async function type(el: ConectaInternalChat, value: string): Promise<void> {
  const input = $(el, '#chat-input') as HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await settle(el);
}

/** An alert controller that records instead of beeping, with the page hidden or not. */
class RecordingAlerts extends AlertController {
  hidden = true;
  readonly alerts: Array<{ title: string; body: string }> = [];
  override isPageHidden(): boolean {
    return this.hidden;
  }
  override beep(): void {}
  override notify(title: string, body: string): void {
    this.alerts.push({ title, body });
  }
}

describe('<conecta-internal-chat>', () => {
  it('is accessible with conversations, an open conversation, no conversation, and disabled', async () => {
    await expect(await chatWith(createMockClient(chatFixture()))).to.be.accessible();
    await expect(await chatWith(createMockClient(chatFixture()), { withAgent: bruno.id })).to.be.accessible();
    await expect(await chatWith(createMockClient(emptyChatFixture()))).to.be.accessible();
    await expect(await chatWith(createMockClient(chatForbiddenFixture()))).to.be.accessible();
  });

  it('shows each conversation’s colleague with an avatar, and attaches through a named icon button', async () => {
    const el = await chatWith(createMockClient(chatFixture()), { withAgent: bruno.id });
    expect(text($(el, '[data-agent-id="agent-bruno"] [part="avatar"]'))).to.equal('BL');
    const attach = $(el, '[part="attach-button"]');
    expect(attach.getAttribute('aria-label')).to.equal('Anexar');
    expect(text(attach)).to.equal('');
    expect(attach.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('puts the conversations above the open conversation when narrow, beside it when wide', async () => {
    const el = await chatWith(createMockClient(chatFixture()), { withAgent: bruno.id });
    const list = () => $(el, 'nav').getBoundingClientRect();
    const view = () => $(el, '[part="conversation-view"]').getBoundingClientRect();
    el.style.inlineSize = '360px';
    await settle(el);
    expect(view().top).to.be.at.least(list().bottom - 1);
    el.style.inlineSize = '800px';
    await settle(el);
    expect(view().left).to.be.at.least(list().right - 1);
    expect(view().top).to.be.closeTo(list().top, 1);
  });

  it('in one column with no conversation open, shows the list alone, only as high as it is', async () => {
    const el = await chatWith(createMockClient(chatFixture()));
    el.variant = 'compact';
    await settle(el);
    expect($(el, '[part="conversation-view"]').getBoundingClientRect().height).to.equal(0);
    expect($(el, '[part="base"]').getBoundingClientRect().height).to.be.lessThan(200);
    await el.openConversation(bruno.id);
    await settle(el);
    expect($(el, '[part="conversation-view"]').getBoundingClientRect().height).to.be.greaterThan(100);
  });

  it('lists conversations, the most recent first, with unread counts and the last message', async () => {
    const el = await chatWith(createMockClient(chatFixture()));
    expect(conversationNames(el)).to.deep.equal(['Bruno Lima', 'Carol']);
    expect(text($(el, '[data-agent-id="agent-bruno"] [part="unread"]'))).to.contain('1 não lida');
    expect(text($(el, '[data-agent-id="agent-bruno"] .preview'))).to.equal('Veja a tela do sistema:');
    expect($$(el, '[data-agent-id="agent-carol"] [part="unread"]')).to.have.length(0);
    expect(text($(el, '[part="conversation-view"]'))).to.equal('Escolha uma conversa.');
  });

  it('says there is no conversation yet', async () => {
    const el = await chatWith(createMockClient(emptyChatFixture()));
    expect(text($(el, 'nav'))).to.equal('Nenhuma conversa ainda. Escolha um colega para começar.');
  });

  it('is disabled, saying why, for an agent without the internalChat permission', async () => {
    const client = createMockClient(chatForbiddenFixture());
    const el = await chatWith(client);
    expect(text($(el, '[part="forbidden"]'))).to.equal(
      'O chat interno não está habilitado para você. Peça a permissão a um administrador.',
    );
    expect(el.matches(':state(forbidden)')).to.equal(true);
    expect($$(el, '#chat-input')).to.have.length(0);
  });

  it('opens a conversation with its messages, own ones with their read mark, and marks the colleague’s read', async () => {
    const client = createMockClient(chatFixture());
    const el = await chatWith(client);
    $(el, '[data-agent-id="agent-bruno"]').click();
    await settle(el);
    expect(text($(el, '[part="header"]'))).to.equal('Bruno Lima');
    expect(messageTexts(el)).to.deep.equal(['Bruno, pode ver o boleto da Elisa?', 'Posso sim.', 'Veja a tela do sistema:']);
    expect(text($(el, '[data-message-id="c-1"] [part="message-status"]'))).to.equal('Lida');
    expect($(el, '[data-message-id="c-3"] img').getAttribute('alt')).to.equal('tela.png');
    expect(client.received('chat.read')).to.deep.equal([{ withAgentId: bruno.id, upToSeq: 3 }]);
    expect($$(el, '[data-agent-id="agent-bruno"] [part="unread"]')).to.have.length(0);
    expect(el.shadowRoot!.activeElement?.id).to.equal('chat-input');
  });

  it('sends with Enter: the message shows at once, then as sent', async () => {
    const client = createMockClient(chatFixture());
    client.latency = 20;
    const el = await chatWith(client, { withAgent: 'agent-carol' });
    await waitUntil(() => messageTexts(el).length === 1);
    await type(el, 'Tudo certo com a proposta?');
    press($(el, '#chat-input'), 'Enter');
    await el.updateComplete;
    expect(messageTexts(el).at(-1)).to.equal('Tudo certo com a proposta?');
    expect($$(el, '[part~="message"]').at(-1)!.dataset.status).to.equal('sending');
    expect(($(el, '#chat-input') as HTMLTextAreaElement).value).to.equal('');
    await waitUntil(() => $$(el, '[part~="message"]').at(-1)!.dataset.status === 'sent');
    expect(client.received('chat.send')).to.deep.equal([
      { id: client.received('chat.send')[0]!.id, toAgentId: 'agent-carol', text: 'Tudo certo com a proposta?', attachmentIds: [] },
    ]);
  });

  it('says so when the colleague does not use the internal chat (the server refused the message)', async () => {
    const client = createMockClient(chatFixture());
    client.failWith('chat.send', 'FORBIDDEN', 'Carol Dias does not use the internal chat.');
    const el = await chatWith(client, { withAgent: 'agent-carol' });
    await type(el, 'Oi Carol');
    press($(el, '#chat-input'), 'Enter');
    await settle(el);
    expect($$(el, '[part~="message"]').at(-1)!.dataset.status).to.equal('failed');
    expect(text($(el, '[part="recipient-forbidden"]'))).to.equal('Carol não usa o chat interno.');
  });

  it('uploads a pasted screenshot, named for when it was taken, and sends it with the message', async () => {
    const client = createMockClient(chatFixture());
    const el = await chatWith(client, { withAgent: bruno.id });
    const screenshot = new File([new Uint8Array([137, 80, 78, 71])], 'image.png', { type: 'image/png' });
    const clipboardData = new DataTransfer();
    clipboardData.items.add(screenshot);
    $(el, '#chat-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    await settle(el);
    const uploaded = client.calls.find((c) => c.method === 'uploadFile')!.args[0] as File;
    expect(uploaded.name).to.match(/^captura-de-tela-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.png$/);
    expect(text($(el, '[part="upload"]'))).to.contain('captura-de-tela');
    press($(el, '#chat-input'), 'Enter');
    await settle(el);
    const sent = client.received('chat.send').at(-1)!;
    expect(sent.attachmentIds).to.have.length(1);
    expect(sent.text).to.equal('');
    expect($$(el, '[part~="message"]').at(-1)!.querySelector('img')).to.not.equal(null);
  });

  it('shows a colleague’s message live, counts it unread in another conversation, and alerts while the page is hidden', async () => {
    const client = createMockClient(chatFixture());
    const el = await chatWith(client, { withAgent: 'agent-carol', alerts: true });
    const alerts = new RecordingAlerts();
    el.alertController = alerts;
    client.pushChatMessage(bruno.id, 'Consegue atender o próximo?');
    await settle(el);
    expect(text($(el, '[data-agent-id="agent-bruno"] [part="unread"]'))).to.contain('2 não lidas');
    expect(conversationNames(el)[0]).to.equal('Bruno Lima');
    expect(alerts.alerts).to.deep.equal([{ title: 'Mensagem de Bruno Lima', body: 'Consegue atender o próximo?' }]);

    // In the open conversation, with the page visible: shown, read at once, no alert.
    alerts.hidden = false;
    client.pushChatMessage('agent-carol', 'Saiu sim!');
    await settle(el);
    expect(messageTexts(el).at(-1)).to.equal('Saiu sim!');
    expect(client.received('chat.read').at(-1)).to.deep.equal({ withAgentId: 'agent-carol', upToSeq: 2 });
    expect(alerts.alerts).to.have.length(1);
  });

  it('does not mark messages read while the page is hidden', async () => {
    const client = createMockClient(chatFixture());
    const alerts = new RecordingAlerts();
    const el = await fixture<ConectaInternalChat>(
      html`<conecta-internal-chat .client=${client} .alertController=${alerts}></conecta-internal-chat>`,
    );
    await el.openConversation(bruno.id);
    await settle(el);
    expect(client.received('chat.read')).to.deep.equal([]);
    alerts.hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    await settle(el);
    expect(client.received('chat.read')).to.deep.equal([{ withAgentId: bruno.id, upToSeq: 3 }]);
  });

  it('pages the history back when scrolled to the top', async () => {
    const now = Date.now();
    const client = createMockClient(chatFixture(now));
    // The server holds 60 messages with Carol: the first page is the newest 50.
    const many = Array.from({ length: 60 }, (_, i) => ({
      id: `old-${i + 1}`,
      seq: i + 1,
      fromAgentId: i % 2 ? ana.id : 'agent-carol',
      toAgentId: i % 2 ? 'agent-carol' : ana.id,
      text: `linha ${i + 1}`,
      attachments: [],
      createdAt: now - (60 - i) * 60_000,
      readAt: now,
      status: 'sent' as const,
    }));
    client.serverState = {
      ...client.serverState,
      chat: { ...chatOf(client.serverState), messages: { ...chatOf(client.serverState).messages, 'agent-carol': many } },
    };
    client.store.update((s) => ({ ...s, chat: { ...chatOf(s), messages: { ...chatOf(s).messages, 'agent-carol': [] } } }));
    const el = await chatWith(client, { withAgent: 'agent-carol' });
    await waitUntil(
      () => messageTexts(el).length === 50,
      `held ${messageTexts(el).length}: ${messageTexts(el).slice(0, 3).join(', ')} history: ${JSON.stringify(client.received('chat.history'))}`,
    );
    const log = $(el, '[role="log"]');
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    await waitUntil(() => messageTexts(el).length === 60);
    expect(client.received('chat.history').at(-1)).to.deep.include({ withAgentId: 'agent-carol', beforeSeq: 11 });
    expect(messageTexts(el)[0]).to.equal('linha 1');
    await settle(el);
    expect(text($(el, '.older'))).to.equal('Início da conversa');
  });

  it('speaks English and Spanish', async () => {
    const en = await chatWith(createMockClient(chatFixture()), { lang: 'en', withAgent: bruno.id });
    expect(($(en, '#chat-input') as HTMLTextAreaElement).placeholder).to.equal('Write a message');
    expect(text($(en, '[part="send-button"]'))).to.equal('Send');
    const es = await chatWith(createMockClient(chatForbiddenFixture()), { lang: 'es' });
    expect(text($(es, '[part="forbidden"]'))).to.contain('El chat interno no está habilitado');
  });
});
