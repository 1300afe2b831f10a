import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaSession } from '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaState } from '../../src/client/state.js';
import type { Session } from '../../src/protocol/index.js';
import {
  aMessage,
  aSession,
  ana,
  bruno,
  catalogFixture,
  contacts,
  conversationFixture,
  createMockClient,
  type MockClient,
} from '../fixtures/index.js';
import { $, $$, press, settle, text } from './helpers.js';

async function sessionWith(client: MockClient, lang = 'pt-BR'): Promise<ConectaSession> {
  const el = await fixture<ConectaSession>(html`<conecta-session .client=${client} session-id="session-4" lang=${lang}></conecta-session>`);
  await settle(el);
  return el;
}

function withSession(change: Partial<Session>, extra: Partial<ConectaState> = {}): ConectaState {
  const state = conversationFixture();
  return { ...state, sessions: { ...state.sessions, 'session-4': { ...state.sessions['session-4'], ...change } }, ...extra };
}

/** Elisa has other sessions: one finished in Financeiro (not Ana's team), one open on WhatsApp in Vendas. */
function withElisaHistory(state: ConectaState): ConectaState {
  const now = Date.now();
  const older = aSession({
    id: 'session-40',
    contactId: contacts.elisa.id,
    teamId: 'financeiro',
    status: 'finished',
    createdAt: now - 48 * 3600_000,
  });
  const whatsapp = aSession({
    id: 'session-41',
    contactId: contacts.elisa.id,
    teamId: 'vendas',
    channel: 'whatsapp',
    status: 'waiting',
    createdAt: now - 3600_000,
  });
  const finishedOwn = aSession({
    id: 'session-42',
    contactId: contacts.elisa.id,
    teamId: 'suporte',
    status: 'finished',
    createdAt: now - 72 * 3600_000,
  });
  return { ...state, sessions: { ...state.sessions, [older.id]: older, [whatsapp.id]: whatsapp, [finishedOwn.id]: finishedOwn } };
}

const tool = (el: ConectaSession, name: string) => $(el, `[data-tool="${name}"]`) as HTMLButtonElement;
const dialog = (el: ConectaSession) => $(el, 'dialog') as HTMLDialogElement;
async function submitDialog(el: ConectaSession): Promise<void> {
  ($(el, 'dialog form') as HTMLFormElement).requestSubmit();
  await settle(el, 5);
}
function choose(el: ConectaSession, selector: string, value: string): void {
  const field = $(el, selector) as HTMLSelectElement | HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
}

describe('<conecta-session> toolbar, dialogs and side panel', () => {
  describe('accessibility', () => {
    for (const name of ['history', 'tags', 'transfer', 'invite', 'channels', 'contact']) {
      it(`is accessible with the ${name} dialog open, which traps focus and gives it back`, async () => {
        const el = await sessionWith(createMockClient(withElisaHistory(conversationFixture())));
        // A tool of the "more" menu gives focus back to the menu's button (its item is gone by then).
        const opener = tool(el, name).getAttribute('role') === 'menuitem' ? $(el, '[part~="more-button"]') : tool(el, name);
        tool(el, name).click();
        await settle(el, 5);
        expect(dialog(el).open).to.equal(true);
        expect(dialog(el).matches(':modal')).to.equal(true);
        await expect(el).to.be.accessible();
        dialog(el).close(); // what Escape does natively (a synthetic keydown would not)
        await oneEvent(dialog(el), 'close');
        await settle(el);
        expect(el.shadowRoot!.querySelector('dialog') === null, 'dialog removed').to.equal(true);
        expect(el.shadowRoot!.activeElement === opener, 'focus').to.equal(true);
      });
    }

    it('gives every toolbar button an accessible name and moves along it with the arrow keys', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      const buttons = $$(el, '[part="toolbar"] button');
      expect($(el, '[part="toolbar"]').getAttribute('role')).to.equal('toolbar');
      expect(buttons.every((b) => text(b) || b.getAttribute('aria-label'))).to.equal(true);
      buttons[0].focus();
      press(buttons[0], 'ArrowRight');
      expect(el.shadowRoot!.activeElement === buttons[1], 'focus').to.equal(true);
    });

    it('goes to the first and last tool with Home and End, and mirrors the arrows right-to-left', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      const tools = () => $$(el, '[part="toolbar"] button:not(:disabled)').map((b) => b.dataset.tool);
      const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.tool;
      const enabled = tools();
      $(el, `[data-tool="${enabled[1]}"]`).focus();
      press(el.shadowRoot!.activeElement as HTMLElement, 'End');
      expect(focused()).to.equal(enabled.at(-1));
      press(el.shadowRoot!.activeElement as HTMLElement, 'Home');
      expect(focused()).to.equal(enabled[0]);
      el.dir = 'rtl';
      await el.updateComplete;
      press(el.shadowRoot!.activeElement as HTMLElement, 'ArrowLeft');
      expect(focused()).to.equal(enabled[1]);
      press(el.shadowRoot!.activeElement as HTMLElement, 'ArrowRight');
      press(el.shadowRoot!.activeElement as HTMLElement, 'ArrowRight');
      expect(focused()).to.equal(enabled.at(-1));
    });

    it("mirrors the side panel's tab arrows right-to-left", async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      el.dir = 'rtl';
      await el.updateComplete;
      $(el, '#tab-gallery').focus();
      press($(el, '#tab-gallery'), 'ArrowLeft');
      await settle(el);
      expect(el.shadowRoot!.activeElement!.id).to.equal('tab-notes');
      press($(el, '#tab-notes'), 'ArrowRight');
      press($(el, '#tab-gallery'), 'ArrowRight');
      await settle(el);
      expect(el.shadowRoot!.activeElement!.id).to.equal('tab-protocol');
      expect($(el, '#tab-protocol').getAttribute('aria-selected')).to.equal('true');
    });

    it('is accessible on each side panel tab, moved with the arrow keys', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      const tabs = $$(el, '[role="tab"]');
      expect(tabs.map(text)).to.deep.equal(['Galeria', 'Anotações', 'Protocolo']);
      tabs[0].focus();
      for (const expected of ['tab-notes', 'tab-protocol']) {
        press(el.shadowRoot!.activeElement as HTMLElement, 'ArrowRight');
        await settle(el);
        expect(el.shadowRoot!.activeElement!.id).to.equal(expected);
        expect(el.shadowRoot!.activeElement!.getAttribute('aria-selected')).to.equal('true');
        await expect(el).to.be.accessible();
      }
    });

    it('hides the side panel with without-side-panel', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      el.withoutSidePanel = true;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="side-panel"]')).to.equal(null);
    });
  });

  describe('actions', () => {
    it("sets the session's tags from its team's list and shows them in the header", async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      tool(el, 'tags').click();
      await settle(el);
      const boxes = $$(el, 'dialog input[type="checkbox"]') as HTMLInputElement[];
      expect(boxes.map((b) => b.value)).to.deep.equal(['tag-aguardando', 'tag-agendamento']); // Suporte's, not Vendas'
      boxes[1].click();
      await submitDialog(el);
      expect(client.received('session.setTags')).to.deep.equal([{ sessionId: 'session-4', tagIds: ['tag-agendamento'] }]);
      expect($$(el, '[part="tag"]').map(text)).to.deep.equal(['Agendamento']);
      expect($(el, '[part="tags"]').getAttribute('aria-label')).to.equal('Tags do atendimento');
    });

    it('transfers to an agent of a team with a note, then says the session left the agent', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      tool(el, 'transfer').click();
      await settle(el);
      const agents = () => [...($(el, '#field-agent') as HTMLSelectElement).options].map((o) => text(o));
      expect(agents()).to.deep.equal(['Qualquer agente da equipe', 'Bruno Lima (disponível)']);
      choose(el, '#field-team', 'vendas');
      await el.updateComplete;
      expect(agents()).to.deep.equal(['Qualquer agente da equipe', 'Carol (offline)']);
      choose(el, '#field-team', 'suporte');
      await el.updateComplete;
      choose(el, '#field-agent', bruno.id);
      choose(el, '#field-note', 'cliente VIP');
      await submitDialog(el);
      expect(client.received('session.transfer')).to.deep.equal([
        { sessionId: 'session-4', toTeamId: 'suporte', toAgentId: bruno.id, note: 'cliente VIP' },
      ]);
      expect(text($(el, '[part="notice"]'))).to.equal('Atendimento transferido para Suporte. Ele não está mais com você.');
      expect(text($(el, '[part="status"]'))).to.equal('Em espera');
      expect(($(el, '#composer-input') as HTMLTextAreaElement).disabled).to.equal(true);
    });

    it('invites a colleague, whose messages are then signed', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      tool(el, 'invite').click();
      await settle(el);
      expect([...($(el, '#field-invitee') as HTMLSelectElement).options].map((o) => o.value)).to.deep.equal([bruno.id, 'agent-carol']);
      await submitDialog(el);
      expect(client.received('session.invite')).to.deep.equal([{ sessionId: 'session-4', agentId: bruno.id }]);
      expect(text($(el, '[part="notice"]'))).to.equal('Bruno Lima foi convidado.');
      expect(text($(el, '[part~="own"] .author'))).to.equal(ana.name);
    });

    it('lets an invited agent leave the session', async () => {
      const state = withSession({ invitedAgentIds: [bruno.id] }, { me: bruno });
      const client = createMockClient(state);
      const el = await sessionWith(client);
      expect(text($(el, '.invited'))).to.equal('Você foi convidado para este atendimento.');
      expect(tool(el, 'transfer').disabled).to.equal(true);
      tool(el, 'leave').click();
      await settle(el);
      expect(client.received('session.leave')).to.deep.equal([{ sessionId: 'session-4' }]);
      expect(text($(el, '[part="notice"]'))).to.equal('Você saiu do atendimento.');
      expect(el.shadowRoot!.querySelector('[data-tool="leave"]')).to.equal(null);
    });

    it('parks the session, which becomes pending', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      tool(el, 'park').click();
      await settle(el);
      expect(client.received('session.park')).to.deep.equal([{ sessionId: 'session-4' }]);
      expect(text($(el, '[part="status"]'))).to.equal('Pendente');
      expect(text($(el, '[part="notice"]'))).to.equal('Atendimento deixado pendente.');
    });

    it('previews a template written with spaces inside its braces, filled as the server fills it', async () => {
      const spaced = {
        id: 'tpl-spaced',
        teamId: 'suporte',
        name: 'pedido_chegou',
        language: 'pt_BR',
        body: 'Olá {{ nome }}, seu pedido chegou.',
        variables: ['nome'],
      };
      const el = await sessionWith(createMockClient({ ...conversationFixture(), catalog: { ...catalogFixture, templates: [spaced] } }));
      tool(el, 'template').click();
      await settle(el);
      choose(el, '#field-nome', 'Elisa');
      await el.updateComplete;
      expect(text($(el, '[part="template-preview"]'))).to.equal('Olá Elisa, seu pedido chegou.');
    });
  });

  describe('events', () => {
    it("asks the host to call the contact with the agent's extension", async () => {
      const state = conversationFixture();
      state.contacts = { ...state.contacts, [contacts.elisa.id]: { ...contacts.elisa, phone: '+5511912345678' } };
      const el = await sessionWith(createMockClient(state));
      expect(tool(el, 'call').getAttribute('aria-label')).to.equal('Ligar para +5511912345678');
      setTimeout(() => tool(el, 'call').click());
      const event = await oneEvent(el, 'conecta-call-request');
      expect(event.detail).to.deep.include({ phone: '+5511912345678', extension: '2001' });
      expect(event.detail.session.id).to.equal('session-4');
      expect(event.detail.contact.id).to.equal(contacts.elisa.id);
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('disables the call without a phone', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      expect(tool(el, 'call').disabled).to.equal(true);
    });

    it('lists the whole history with the permission (an earlier session opens here, read-only)', async () => {
      const el = await sessionWith(createMockClient(withElisaHistory(conversationFixture())));
      tool(el, 'history').click();
      await settle(el);
      const items = $$(el, 'dialog [data-session-id]');
      expect(items.map((b) => b.dataset.sessionId)).to.have.members(['session-40', 'session-41', 'session-42']);
    });

    it("shows only the agent's teams' sessions without the history permission", async () => {
      const state = withElisaHistory(conversationFixture());
      const el = await sessionWith(createMockClient({ ...state, me: { ...ana, permissions: { ...ana.permissions, history: false } } }));
      tool(el, 'history').click();
      await settle(el);
      expect($$(el, 'dialog [data-session-id]').map((b) => b.dataset.sessionId)).to.have.members(['session-41', 'session-42']);
      expect(text($(el, 'dialog .muted'))).to.equal('Você vê apenas os atendimentos das suas equipes.');
    });

    it('lists the open sessions of the contact on other channels, and asks the host to open the one chosen', async () => {
      const el = await sessionWith(createMockClient(withElisaHistory(conversationFixture())));
      tool(el, 'channels').click();
      await settle(el);
      expect($$(el, 'dialog [data-session-id]').map((b) => b.dataset.sessionId)).to.deep.equal(['session-41']);
      setTimeout(() => $(el, 'dialog [data-session-id="session-41"]').click());
      const event = await oneEvent(el, 'conecta-session-selected');
      expect(event.detail.session.id).to.equal('session-41');
      expect(event.detail.contact.id).to.equal(contacts.elisa.id);
      expect(event.bubbles && event.composed).to.equal(true);
      await settle(el);
      expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    });

    it('asks before editing the contact; a host may take over, else the contact form opens', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      const prevent = (event: Event) => event.preventDefault();
      el.addEventListener('conecta-contact-edit', prevent, { once: true });
      setTimeout(() => tool(el, 'contact').click());
      const event = await oneEvent(el, 'conecta-contact-edit');
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
      expect(event.detail.contact.id).to.equal(contacts.elisa.id);
      await settle(el);
      expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
      tool(el, 'contact').click();
      await settle(el);
      expect($(el, 'dialog conecta-contact-form').getAttribute('contact-id')).to.equal(contacts.elisa.id);
    });

    it("closes the contact dialog when the form's own Cancel is pressed", async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      tool(el, 'contact').click();
      await settle(el);
      const form = $(el, 'dialog conecta-contact-form');
      await settle(form as never);
      (form.shadowRoot!.querySelector('[part="cancel-button"]') as HTMLButtonElement).click();
      await settle(el);
      expect(el.shadowRoot!.querySelectorAll('dialog').length).to.equal(0);
    });
  });

  describe('side panel', () => {
    it('shows the gallery: image thumbnails and file links', async () => {
      const state = conversationFixture();
      state.messages = {
        'session-4': [
          aMessage({
            id: 'g1',
            sessionId: 'session-4',
            seq: 1,
            authorKind: 'contact',
            text: '',
            attachments: [
              { id: 'i1', name: 'foto.jpg', size: 10, mime: 'image/jpeg', kind: 'image', url: '/api/files/i1' },
              { id: 'p1', name: 'nota.pdf', size: 2048, mime: 'application/pdf', kind: 'file', url: '/api/files/p1' },
            ],
          }),
        ],
      };
      const el = await sessionWith(createMockClient(state));
      await settle(el);
      expect(($(el, '[part="gallery"] img') as HTMLImageElement).alt).to.equal('foto.jpg');
      expect(text($$(el, '[part="gallery-item"]')[1])).to.equal('nota.pdf (2 kB)');
    });

    it('creates, edits and deletes notes (with confirmation), newest first', async () => {
      const client = createMockClient(conversationFixture());
      const el = await sessionWith(client);
      $(el, '#tab-notes').click();
      await settle(el);
      expect(text($(el, '#panel-notes .muted'))).to.equal('Nenhuma anotação.');
      choose(el, '#note-new', 'Prefere contato por e-mail');
      ($(el, '.note-new') as HTMLFormElement).requestSubmit();
      await settle(el);
      const saved = client.received('note.save')[0];
      expect(saved).to.include({ contactId: contacts.elisa.id, text: 'Prefere contato por e-mail' });
      expect(text($(el, '[part="note"] .note-text'))).to.equal('Prefere contato por e-mail');
      expect(text($(el, '[part="note"] .muted'))).to.contain(ana.name);
      $(el, '[part="edit-note"]').click();
      await settle(el);
      choose(el, `#note-edit-${saved.id}`, 'Prefere WhatsApp');
      ($(el, '.note-edit') as HTMLFormElement).requestSubmit();
      await settle(el);
      expect(client.received('note.save')[1]).to.include({ id: saved.id, text: 'Prefere WhatsApp' });
      expect(text($(el, '[part="note"] .note-text'))).to.equal('Prefere WhatsApp');
      $(el, '[part="delete-note"]').click();
      await el.updateComplete;
      expect(client.received('note.delete')).to.have.length(0);
      expect(text($(el, '[part="note"] .confirm span'))).to.equal('Excluir esta anotação?');
      $(el, '[part="note"] .confirm button.danger').click();
      await settle(el);
      expect(client.received('note.delete')).to.deep.equal([{ noteId: saved.id }]);
      expect(el.shadowRoot!.querySelector('[part="note"]')).to.equal(null);
    });

    it('copies the protocol and says so', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()));
      const copied: string[] = [];
      const clipboard = navigator.clipboard as Clipboard & { writeText: (text: string) => Promise<void> };
      const original = clipboard.writeText;
      clipboard.writeText = async (value: string) => void copied.push(value);
      try {
        $(el, '#tab-protocol').click();
        await settle(el);
        expect(text($(el, '[part="protocol"]'))).to.equal('20261122-000004');
        $(el, '#panel-protocol [part="copy-button"]').click();
        await settle(el);
        expect(copied).to.deep.equal(['20261122-000004']);
        expect(text($(el, '#panel-protocol [role="status"]'))).to.equal('Copiado');
      } finally {
        clipboard.writeText = original;
      }
    });
  });

  describe('i18n', () => {
    it('names the actions and the side panel in English and Spanish', async () => {
      const el = await sessionWith(createMockClient(conversationFixture()), 'en');
      expect(text(tool(el, 'transfer'))).to.equal('Transfer');
      expect(text(tool(el, 'template'))).to.equal('Send template');
      expect($$(el, '[role="tab"]').map(text)).to.deep.equal(['Gallery', 'Notes', 'Protocol']);
      expect(text($(el, '.started'))).to.match(/^Started \d+ min ago$/);
      el.lang = 'es';
      await el.updateComplete;
      expect(text(tool(el, 'invite'))).to.equal('Invitar');
      expect(text($(el, '[data-message-id="m-4-3"] .text'))).to.equal('Ana Souza aceptó la atención');
      expect($$(el, '[role="tab"]').map(text)).to.deep.equal(['Galería', 'Notas', 'Protocolo']);
    });
  });
});
