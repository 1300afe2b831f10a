// Every agent element at 320, 390, 768 and 1280 px wide, and inside the mock CRM's hostile CSS: no
// horizontal overflow, every control reachable and at least 24×24 px, the session's transcript at least
// half its height and its toolbar on one row, axe clean. Each case writes a screenshot to
// test-results/layout/ for a reviewer (nothing compares them).
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { html, render, type TemplateResult } from 'lit';
import '../../src/elements/conecta-agent-bar/conecta-agent-bar.js';
import '../../src/elements/conecta-agent-desk/conecta-agent-desk.js';
import '../../src/elements/conecta-agents/conecta-agents.js';
import '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import '../../src/elements/conecta-contacts/conecta-contacts.js';
import '../../src/elements/conecta-contact-history/conecta-contact-history.js';
import '../../src/elements/conecta-start-conversation/conecta-start-conversation.js';
import '../../src/elements/conecta-internal-chat/conecta-internal-chat.js';
import '../../src/elements/conecta-login/conecta-login.js';
import type { LoginService } from '../../src/elements/conecta-login/conecta-login.js';
import '../../src/elements/conecta-queue/conecta-queue.js';
import '../../src/elements/conecta-session/conecta-session.js';
import {
  agentBarFixture,
  chatFixture,
  colleaguesFixture,
  contacts,
  conversationFixture,
  createMockClient,
  earlierSessionFixture,
} from '../fixtures/index.js';
import { bruno } from '../fixtures/index.js';
import { horizontalOverflows, unreachableOrSmall } from './layout-measure.js';
import type { ContactAddress } from '../../src/protocol/index.js';

const WIDTHS = [320, 390, 768, 1280] as const;

const elisaAddress: ContactAddress = {
  id: 'address-elisa-home',
  type: 'home',
  cep: '01310100',
  street: 'Avenida Paulista',
  number: '1000',
  complement: 'apto 12',
  neighbourhood: 'Bela Vista',
  city: 'São Paulo',
  reference: 'Em frente ao MASP',
  location: null,
  houseType: 'apartment',
  uf: 'SP',
};
/** The mock CRM (demo/crm/) puts its widgets in two columns: about 512 px each on a laptop, 320 on a phone. */
const CRM_WIDTHS = [320, 512] as const;
const HEIGHT = 900;

const noLogin: LoginService = {
  login: () => new Promise(() => undefined),
  requestPasswordReset: async () => undefined,
} as unknown as LoginService;

/** Each agent element as a CRM or the demo would show it, on a mock client with realistic data. */
const ELEMENTS: Record<string, () => TemplateResult> = {
  queue: () => html`<conecta-queue .client=${createMockClient(conversationFixture())} lang="pt-BR"></conecta-queue>`,
  'queue-pending': () =>
    html`<conecta-queue .client=${createMockClient(conversationFixture())} phase="pending" lang="pt-BR"></conecta-queue>`,
  session: () =>
    html`<conecta-session .client=${createMockClient(conversationFixture())} session-id="session-4" lang="pt-BR"></conecta-session>`,
  'contact-form': () =>
    html`<conecta-contact-form .client=${createMockClient(conversationFixture())} contact-id=${contacts.elisa.id} lang="pt-BR"></conecta-contact-form>`,
  // The Endereços tab with one address: its three-column rows must fold in a phone and a CRM column.
  'contact-form-addresses': () =>
    html`<conecta-contact-form .client=${createMockClient({
      ...conversationFixture(),
      contacts: { ...conversationFixture().contacts, [contacts.elisa.id]: { ...contacts.elisa, addresses: [elisaAddress] } },
    })} contact-id=${contacts.elisa.id} tab="addresses" lang="pt-BR"></conecta-contact-form>`,
  agents: () => html`<conecta-agents .client=${createMockClient(colleaguesFixture())} lang="pt-BR"></conecta-agents>`,
  contacts: () => html`<conecta-contacts .client=${createMockClient(conversationFixture())} lang="pt-BR"></conecta-contacts>`,
  'contact-history': () =>
    html`<conecta-contact-history .client=${createMockClient(earlierSessionFixture())} contact-id=${contacts.elisa.id} lang="pt-BR"></conecta-contact-history>`,
  'start-conversation': () =>
    html`<conecta-start-conversation .client=${createMockClient(conversationFixture())} contact-id=${contacts.carla.id} lang="pt-BR"></conecta-start-conversation>`,
  'internal-chat': () =>
    html`<conecta-internal-chat .client=${createMockClient(chatFixture())} with-agent=${bruno.id} lang="pt-BR"></conecta-internal-chat>`,
  login: () => html`<conecta-login server="https://conecta.test" .service=${noLogin} lang="pt-BR"></conecta-login>`,
  'agent-bar': () => html`<conecta-agent-bar .client=${createMockClient(agentBarFixture())} lang="pt-BR"></conecta-agent-bar>`,
  desk: () => html`<conecta-agent-desk .client=${createMockClient(conversationFixture())} lang="pt-BR"></conecta-agent-desk>`,
  'desk-with-session': () =>
    html`<conecta-agent-desk .client=${createMockClient(conversationFixture())} session-id="session-4" lang="pt-BR"></conecta-agent-desk>`,
};

async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Let an element and the elements inside it render, load their mock data and measure themselves. */
async function settled(root: Element): Promise<void> {
  for (let round = 0; round < 6; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const hosts = [root, ...root.querySelectorAll('*')].flatMap(function inner(element): Element[] {
      const shadow = element.shadowRoot ? [...element.shadowRoot.querySelectorAll('*')].flatMap(inner) : [];
      return [element, ...shadow];
    });
    await Promise.all(hosts.map((host) => (host as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
    await frames(1);
  }
}

let hostileSheet: HTMLLinkElement | null = null;
async function useHostileCss(on: boolean): Promise<void> {
  if (!on) {
    hostileSheet?.remove();
    hostileSheet = null;
    return;
  }
  hostileSheet = document.createElement('link');
  hostileSheet.rel = 'stylesheet';
  hostileSheet.href = '/demo/crm/hostile.css';
  const loaded = new Promise((resolve, reject) => {
    hostileSheet!.onload = resolve;
    hostileSheet!.onerror = reject;
  });
  document.head.append(hostileSheet);
  await loaded;
}

for (const [name, template] of Object.entries(ELEMENTS)) {
  const cases = [...WIDTHS.map((width) => ({ width, crm: false })), ...CRM_WIDTHS.map((width) => ({ width, crm: true }))];
  for (const { width, crm } of cases) {
    const label = `${name}@${width}${crm ? '-crm' : ''}`;
    describe(`layout: <${name}> at ${width} px${crm ? ' in the hostile CRM page' : ''}`, () => {
      let frame: HTMLElement;
      let element: Element;

      before(async () => {
        await setViewport({ width, height: HEIGHT });
        await useHostileCss(crm);
        frame = document.createElement('div');
        frame.setAttribute('style', `inline-size: ${width}px; padding: 0; margin: 0`);
        document.body.style.margin = '0';
        document.body.append(frame);
        render(template(), frame);
        element = frame.firstElementChild!;
        await settled(element);
        await frames(2);
        await settled(element);
        const rect = frame.getBoundingClientRect();
        await executeServerCommand('layout-screenshot', {
          name: `${label}`,
          clip: { x: rect.left + scrollX, y: rect.top + scrollY, width: rect.width, height: Math.max(1, rect.height) },
        });
      });

      after(async () => {
        render(html``, frame);
        frame.remove();
        await useHostileCss(false);
      });

      it('does not overflow horizontally', () => {
        expect(horizontalOverflows(element, frame.getBoundingClientRect())).to.deep.equal([]);
      });

      it('keeps every control reachable and at least 24×24 px', () => {
        expect(unreachableOrSmall(element, frame.getBoundingClientRect())).to.deep.equal([]);
      });

      it('is accessible (axe)', async () => {
        await expect(element).to.be.accessible();
      });

      if (name === 'queue-pending') {
        it('keeps the pending list’s “select all” on at most two lines', () => {
          const label = element.shadowRoot!.querySelector('.select-all')!;
          const range = document.createRange();
          range.selectNodeContents(label);
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          expect(lines.size).to.be.at.most(2);
        });
      }

      if (name === 'session') {
        it("gives the transcript at least half of the session's height", () => {
          const base = element.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect();
          const log = element.shadowRoot!.querySelector('[role="log"]')!.getBoundingClientRect();
          expect(log.height, `transcript ${log.height} px of ${base.height} px`).to.be.at.least(base.height / 2);
        });
        it('keeps the toolbar on one row', () => {
          const buttons = [...element.shadowRoot!.querySelectorAll('[part="toolbar"] > button')];
          const rows = new Set(buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
          expect(rows.size).to.equal(1);
        });
      }
    });
  }
}
