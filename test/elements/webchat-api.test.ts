import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';
import { icons } from '../../src/elements/conecta-webchat/icons.js';
import {
  aSession,
  createMockClient,
  webchatActiveFixture,
  webchatChannel,
  webchatNewVisitorFixture,
  webchatReturningFixture,
  webchatSingleTeamChannel,
  visitor,
  type MockClient,
} from '../fixtures/index.js';
import { $, settle, text, forgetConectaStorage } from './helpers.js';

// The widget as a page sees it: methods, properties, events, the unread badge and attention, the
// page's one live region, mounting and unmounting.

const SERVER = 'https://conecta.test';
const key = (what: string, channel = 'demo') => `conecta-webchat:${what}:${SERVER}#${channel}`;

async function mount(client: MockClient, channel = 'demo'): Promise<ConectaWebchat> {
  const el = await fixture<ConectaWebchat>(
    html`<conecta-webchat .client=${client} server=${SERVER} channel=${channel} lang="pt-BR"></conecta-webchat>`,
  );
  await settle(el);
  return el;
}

const newVisitor = () => createMockClient(webchatNewVisitorFixture());
const calls = (client: MockClient, method: string) => client.calls.filter((call) => call.method === method).map((call) => call.args);
const focused = (el: ConectaWebchat) => el.shadowRoot!.activeElement;
const launcher = (el: ConectaWebchat) => $(el, '[part="launcher"]');

function record<K extends keyof GlobalEventHandlersEventMap>(type: K): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  const listener = (event: GlobalEventHandlersEventMap[K]) => seen.push(event);
  document.addEventListener(type, listener);
  afterEachCleanups.push(() => document.removeEventListener(type, listener));
  return seen;
}
const afterEachCleanups: Array<() => void> = [];

function setPageHidden(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', { value: hidden ? 'hidden' : 'visible', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Counts the beeps (each is one oscillator). */
function countBeeps(): { count: number } {
  const counter = { count: 0 };
  const original = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    counter.count++;
    return original.call(this);
  };
  afterEachCleanups.push(() => (AudioContext.prototype.createOscillator = original));
  return counter;
}

describe('<conecta-webchat> API', () => {
  afterEach(() => {
    forgetConectaStorage();
    for (const cleanup of afterEachCleanups.splice(0)) cleanup();
    delete (document as { visibilityState?: string }).visibilityState;
  });

  describe('opening and closing', () => {
    it('opens with show(), closes with hide(), toggles, with focus moving in and back', async () => {
      const el = await mount(newVisitor());
      const opens = record('conecta-webchat-open');
      const closes = record('conecta-webchat-close');
      launcher(el).focus();
      await el.show();
      await settle(el);
      expect(el.open).to.equal(true);
      expect(focused(el)).to.equal($(el, '#webchat-name'));
      await el.hide();
      expect(el.open).to.equal(false);
      expect(focused(el)).to.equal(launcher(el));
      await el.toggle();
      expect(el.open).to.equal(true);
      await el.toggle();
      expect(el.open).to.equal(false);
      expect(opens.length).to.equal(2);
      expect(closes.length).to.equal(2);
      expect(opens[0].bubbles && opens[0].composed).to.equal(true);
    });

    it('opens from the keyboard and closes with Escape, back on the launcher', async () => {
      const el = await mount(newVisitor());
      launcher(el).focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(el.open).to.equal(true);
      expect(launcher(el).getAttribute('aria-expanded')).to.equal('true');
      expect(focused(el)).to.equal($(el, '#webchat-name'));
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(el.open).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part="panel"]')).to.equal(null);
      expect(focused(el)).to.equal(launcher(el));
    });

    it('does not take the focus from the page when opened by a reload', async () => {
      sessionStorage.setItem(key('open'), '1');
      const input = document.createElement('input');
      document.body.append(input);
      input.focus();
      try {
        const el = await mount(newVisitor());
        expect(el.open).to.equal(true);
        expect(document.activeElement).to.equal(input);
      } finally {
        input.remove();
      }
    });
  });

  describe('events', () => {
    it('fires ready once, after the first render with a client', async () => {
      const readies = record('conecta-webchat-ready');
      const el = document.createElement('conecta-webchat');
      el.channel = 'demo';
      document.body.append(el);
      try {
        await settle(el);
        expect(readies.length, 'no client yet').to.equal(0);
        el.client = newVisitor();
        await settle(el);
        expect(readies.length).to.equal(1);
        el.open = true;
        await settle(el);
        expect(readies.length).to.equal(1);
      } finally {
        el.remove();
      }
    });

    it('fires message for each new message, not for the history', async () => {
      const messages = record('conecta-webchat-message');
      const client = createMockClient(webchatActiveFixture());
      const el = await mount(client);
      await el.show();
      await settle(el);
      expect(messages.length, 'history').to.equal(0);
      const agentMessage = client.pushAgentMessage('session-1', 'Encontrei!');
      await settle(el);
      ($(el, '#webchat-input') as HTMLTextAreaElement).value = 'Oba!';
      ($(el, '[part="composer"]') as HTMLFormElement).requestSubmit();
      await settle(el);
      expect(messages.map((event) => event.detail.message.text)).to.deep.equal(['Encontrei!', 'Oba!']);
      expect(messages[0].detail.message.id).to.equal(agentMessage.id);
    });
  });

  describe('unread', () => {
    it("counts the agent's unread messages on the launcher, and says so in its name", async () => {
      localStorage.setItem(key('engaged'), '1');
      const unread = record('conecta-webchat-unread');
      const client = createMockClient(webchatActiveFixture());
      const el = await mount(client);
      expect(text($(el, '[part="badge"]'))).to.equal('1');
      expect(launcher(el).getAttribute('aria-label')).to.equal('Abrir chat, 1 mensagem não lida');
      client.pushAgentMessage('session-1', 'Oi?');
      await settle(el);
      expect(text($(el, '[part="badge"]'))).to.equal('2');
      expect(launcher(el).getAttribute('aria-label')).to.equal('Abrir chat, 2 mensagens não lidas');
      // Read in another tab: the server tells every tab.
      client.pushMessageStatus('session-1', 'read', { authorKinds: ['agent'] });
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part="badge"]')).to.equal(null);
      expect(launcher(el).getAttribute('aria-label')).to.equal('Abrir chat');
      expect(unread.map((event) => event.detail.count)).to.deep.equal([1, 2, 0]);
    });

    it('loads the conversation when another tab starts one, for the same unread count', async () => {
      const client = createMockClient(webchatActiveFixture());
      const el = await mount(client);
      expect(calls(client, 'loadVisitorSessions'), 'no visitor work before the chat is used').to.have.length(0);
      localStorage.setItem(key('engaged'), '1');
      window.dispatchEvent(new StorageEvent('storage', { key: key('engaged'), newValue: '1' }));
      await settle(el);
      expect(calls(client, 'loadVisitorSessions')).to.have.length(1);
      expect(text($(el, '[part="badge"]'))).to.equal('1');
    });

    it('switches to the conversation another tab started while this one showed the pre-chat form', async () => {
      const client = newVisitor();
      const el = await mount(client);
      await el.show();
      await settle(el);
      expect($(el, '[part="prechat"]')).to.exist;
      // Tab A started a conversation: the server has it, and tab A wrote its id.
      client.push({ session: aSession({ id: 'session-9', contactId: 'contact-new-visitor', createdAt: Date.now() }) });
      localStorage.setItem(key('engaged'), 'session-9');
      window.dispatchEvent(new StorageEvent('storage', { key: key('engaged'), newValue: 'session-9' }));
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part="prechat"]')).to.equal(null);
      expect($(el, '[role="log"]')).to.exist;
      expect(calls(client, 'openSession')).to.deep.equal([['session-9']]);
    });

    it('beeps and blinks the title for a new message while the page is hidden, until it is visible', async () => {
      const beeps = countBeeps();
      const client = createMockClient(webchatActiveFixture());
      const el = await mount(client);
      await el.show();
      await settle(el);
      document.title = 'Loja Demo';
      client.pushAgentMessage('session-1', 'Enquanto isso…');
      await settle(el);
      expect(beeps.count, 'the page is visible').to.equal(0);
      expect(document.title).to.equal('Loja Demo');
      setPageHidden(true);
      client.pushAgentMessage('session-1', 'Ainda aí?');
      await settle(el);
      expect(beeps.count).to.equal(1);
      expect(document.title).to.equal('3 novas mensagens');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(document.title, 'blinks').to.equal('Loja Demo');
      setPageHidden(false);
      await settle(el);
      expect(document.title).to.equal('Loja Demo');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(document.title, 'stopped').to.equal('Loja Demo');
    });

    it('mutes the sound from the header, remembered for the channel in every tab', async () => {
      const beeps = countBeeps();
      const client = createMockClient(webchatActiveFixture());
      const el = await mount(client);
      await el.show();
      await settle(el);
      const mute = $(el, '[part="mute-button"]');
      expect(mute.getAttribute('aria-pressed')).to.equal('false');
      expect(mute.getAttribute('aria-label')).to.equal('Silenciar notificações');
      mute.click();
      await settle(el);
      expect(mute.getAttribute('aria-pressed')).to.equal('true');
      expect(el.muted).to.equal(true);
      expect(localStorage.getItem(key('muted'))).to.equal('1');
      document.title = 'Loja Demo';
      setPageHidden(true);
      client.pushAgentMessage('session-1', 'Psiu');
      await settle(el);
      expect(beeps.count).to.equal(0);
      expect(document.title, 'the title still blinks').to.not.equal('Loja Demo');
      setPageHidden(false);
      const again = await mount(newVisitor());
      expect(again.muted, 'remembered').to.equal(true);
      window.dispatchEvent(new StorageEvent('storage', { key: key('muted'), newValue: null }));
      await settle(again);
      expect(again.muted, 'unmuted in another tab').to.equal(false);
    });
  });

  describe('the live region', () => {
    it('announces new messages through one light-DOM region per page, shared by every widget', async () => {
      const client = createMockClient(webchatActiveFixture());
      const first = await mount(client);
      const second = await mount(createMockClient(webchatNewVisitorFixture(), { channel: { ...webchatChannel, key: 'other' } }), 'other');
      const regions = document.body.querySelectorAll('[data-conecta-announcer]');
      expect(regions.length).to.equal(1);
      const region = regions[0] as HTMLElement;
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(region.hasAttribute('style'), 'styled through the CSSOM').to.equal(true);
      expect(region.getBoundingClientRect().width).to.be.at.most(1);
      await first.show();
      await settle(first);
      expect($(first, '[role="log"]').getAttribute('aria-live'), 'the log itself is quiet').to.equal('off');
      client.pushAgentMessage('session-1', 'Chegou seu reembolso.');
      await settle(first);
      expect(text(region.lastElementChild)).to.equal('Ana: Chegou seu reembolso.');
      expect((region.lastElementChild as HTMLElement).lang).to.equal('pt-BR');
      first.remove();
      expect(region.isConnected, 'still used by the second widget').to.equal(true);
      second.remove();
      expect(document.body.querySelector('[data-conecta-announcer]')).to.equal(null);
    });
  });

  describe('identity', () => {
    it("setUser() vouches for the site's user and fills in what it knows", async () => {
      const client = newVisitor();
      const el = await mount(client);
      await el.setUser({ id: 'user-7', hash: 'good', name: 'Joana Silva', email: 'joana@example.com' });
      expect(calls(client, 'setUser')).to.deep.equal([[{ id: 'user-7', hash: 'good', name: 'Joana Silva', email: 'joana@example.com' }]]);
      await el.show();
      await settle(el);
      expect(($(el, '#webchat-name') as HTMLInputElement).value).to.equal('Joana Silva');
      expect(($(el, '#webchat-email') as HTMLInputElement).value).to.equal('joana@example.com');
    });

    it('setUser() rejects a refused identity with a console warning, and the widget goes on', async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const el = await mount(newVisitor());
        await el.show();
        await settle(el);
        const error = await el.setUser({ id: 'user-7', hash: 'invalid' }).then(
          () => null,
          (reason: { code?: string }) => reason,
        );
        expect(error?.code).to.equal('IDENTITY_REJECTED');
        expect(warnings).to.have.length(1);
        await settle(el);
        expect($(el, '#webchat-name')).to.exist;
        expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      } finally {
        console.warn = warn;
      }
    });

    it('reset() forgets the visitor and goes back to the pre-chat form', async () => {
      const client = createMockClient(webchatActiveFixture());
      const el = await mount(client);
      await el.show();
      await settle(el);
      expect($(el, '[role="log"]')).to.exist;
      await el.reset();
      await settle(el);
      expect(calls(client, 'resetVisitor')).to.have.length(1);
      expect(($(el, '#webchat-name') as HTMLInputElement).value).to.equal('');
      expect(localStorage.getItem(key('engaged'))).to.equal(null);
    });
  });

  describe('look', () => {
    it("takes the channel's colour, corner and launcher icon; the page's tokens and properties win", async () => {
      const el = await mount(createMockClient(webchatNewVisitorFixture(), { channel: webchatSingleTeamChannel }));
      expect(el.style.getPropertyValue('--conecta-webchat-channel-color')).to.equal('#2e7d32');
      expect(getComputedStyle(launcher(el)).backgroundColor).to.equal('rgb(46, 125, 50)');
      expect(el.dataset.position).to.equal('left');
      expect(getComputedStyle(el).left).to.not.equal('auto');
      expect($(el, '[part="launcher"] path').getAttribute('d')).to.equal(icons.help);
      el.position = 'right';
      await el.updateComplete;
      expect(el.dataset.position).to.equal('right');
      document.documentElement.style.setProperty('--conecta-color-brand', '#123456');
      try {
        expect(getComputedStyle(launcher(el)).backgroundColor).to.equal('rgb(18, 52, 86)');
      } finally {
        document.documentElement.style.removeProperty('--conecta-color-brand');
      }
      expect(el.shadowRoot!.querySelectorAll('[style]').length, 'no style attributes in the shadow DOM').to.equal(0);
    });

    it("follows the operating system's dark mode unless a theme is set", async () => {
      const el = await mount(newVisitor());
      await el.show();
      await settle(el);
      const panel = () => getComputedStyle($(el, '[part="panel"]'));
      const light = panel().backgroundColor;
      await emulateMedia({ colorScheme: 'dark' });
      try {
        expect(panel().colorScheme).to.equal('dark');
        expect(panel().backgroundColor).to.not.equal(light);
        el.theme = 'light';
        await el.updateComplete;
        expect(panel().backgroundColor).to.equal(light);
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
      el.theme = 'dark';
      await el.updateComplete;
      expect(panel().colorScheme).to.equal('dark');
    });

    it('follows the visual viewport while open, for phones with a keyboard', async () => {
      const el = await mount(newVisitor());
      expect(el.style.getPropertyValue('--conecta-visual-viewport-height')).to.equal('');
      await el.show();
      await settle(el);
      expect(el.style.getPropertyValue('--conecta-visual-viewport-height')).to.equal(`${visualViewport!.height}px`);
      await el.hide();
      expect(el.style.getPropertyValue('--conecta-visual-viewport-height')).to.equal('');
    });
  });

  describe('mounting', () => {
    it('destroy() removes the widget and releases its listeners and timers', async () => {
      const listeners = new Map<string, number>();
      const count = (target: EventTarget, label: string) => {
        const add = target.addEventListener;
        const remove = target.removeEventListener;
        target.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
          listeners.set(`${label}:${type}`, (listeners.get(`${label}:${type}`) ?? 0) + 1);
          return (add as (...args: unknown[]) => void).call(this, type, ...rest);
        };
        target.removeEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
          listeners.set(`${label}:${type}`, (listeners.get(`${label}:${type}`) ?? 0) - 1);
          return (remove as (...args: unknown[]) => void).call(this, type, ...rest);
        };
        afterEachCleanups.push(() => {
          target.addEventListener = add;
          target.removeEventListener = remove;
        });
      };
      count(window, 'window');
      count(document, 'document');
      count(visualViewport!, 'viewport');
      const client = createMockClient(webchatActiveFixture());
      const el = await mount(client);
      await el.show();
      await settle(el);
      document.title = 'Loja Demo';
      setPageHidden(true);
      client.pushAgentMessage('session-1', 'Oi?');
      await settle(el);
      expect(document.title).to.not.equal('Loja Demo');
      el.destroy();
      expect(el.isConnected).to.equal(false);
      expect(document.title, 'the blinking stopped').to.equal('Loja Demo');
      expect(document.body.querySelector('[data-conecta-announcer]')).to.equal(null);
      for (const [listener, balance] of listeners) {
        if (/storage|visibilitychange|resize|scroll/.test(listener)) expect(balance, listener).to.equal(0);
      }
    });

    it('works again when mounted again, as single-page apps do', async () => {
      const client = newVisitor();
      const el = await mount(client);
      const parent = el.parentElement!;
      for (let round = 0; round < 3; round++) {
        el.remove();
        parent.append(el);
        await settle(el);
      }
      expect(document.body.querySelectorAll('[data-conecta-announcer]').length).to.equal(1);
      launcher(el).click();
      await settle(el);
      expect($(el, '#webchat-name')).to.exist;
      ($(el, '#webchat-name') as HTMLInputElement).value = 'Joana';
      ($(el, '[part="prechat"]') as HTMLFormElement).requestSubmit();
      await settle(el);
      expect($(el, '[part="menu"]')).to.exist;
    });

    it('shows a conversation that survives a reload when other tabs had it open', async () => {
      localStorage.setItem(key('engaged'), '1');
      const client = createMockClient(webchatReturningFixture(), { store: { visitor, connection: 'connected' } });
      const el = await mount(client);
      expect(calls(client, 'loadVisitorSessions')).to.have.length(1);
      await el.show();
      await settle(el);
      expect(text($(el, '[role="log"]'))).to.contain('Olá, meu pedido não chegou.');
    });
  });
});
