import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/elements/conecta-agent-bar/conecta-agent-bar.js';
import '../../src/elements/conecta-agent-desk/conecta-agent-desk.js';
import '../../src/elements/conecta-agents/conecta-agents.js';
import '../../src/elements/conecta-contact-form/conecta-contact-form.js';
import '../../src/elements/conecta-internal-chat/conecta-internal-chat.js';
import '../../src/elements/conecta-queue/conecta-queue.js';
import '../../src/elements/conecta-session/conecta-session.js';
import '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaState } from '../../src/client/state.js';
import {
  agentBarFixture,
  bruno,
  chatFixture,
  contacts,
  conversationFixture,
  createMockClient,
  queueFixture,
  webchatActiveFixture,
  webchatChannel,
  webchatFinishedFixture,
  webchatNewVisitorFixture,
  type MockClientOptions,
} from '../fixtures/index.js';
import { forgetConectaStorage, settle } from './helpers.js';

/**
 * Hostile strings in every field a user controls (names, messages, notes, tags, file names,
 * templates, contact fields, channel texts, internal chat, pause types, teams), rendered by every
 * element: no canary fires (`window.__xss`), no element or attribute the strings spell appears in
 * any shadow root, and the strings are shown, as text.
 */
const CORPUS = [
  '<img src=x onerror="window.__xss=\'img\'">',
  '<svg onload="window.__xss=\'svg\'"></svg>',
  '"><script>window.__xss="script"</script>',
  "' onmouseover='window.__xss=\"attr\"' x='",
  'javascript:window.__xss="link"',
  '[clique](javascript:window.__xss="markdown")',
  'red;}</style><style>*{background:url(https://evil.test/x)}</style>',
  '<iframe srcdoc="<script>parent.__xss=\'iframe\'</script>"></iframe>',
  '{{nome}}<img src=x onerror=window.__xss="template">',
  '\u202Egnp.exe\u202C Fatura',
];

/** Keys of the state whose strings a contact, an agent or an admin typed. */
const USER_KEYS = new Set([
  'name',
  'nickname',
  'text',
  'lastMessageText',
  'authorName',
  'agentName',
  'fromAgentName',
  'title',
  'body',
  'email',
  'document',
  'comment',
  'note',
  'greeting',
  'prompt',
  'label',
  'extension',
]);

/** A copy with every user-typed string replaced by the corpus, in turn. */
function hostile<T>(value: T): T {
  let next = 0;
  const bad = () => CORPUS[next++ % CORPUS.length]!;
  const walk = (item: unknown, key: string, userTyped: boolean): unknown => {
    if (typeof item === 'string') return userTyped || USER_KEYS.has(key) ? bad() : item;
    if (Array.isArray(item)) return item.map((entry) => walk(entry, key, false));
    if (item && typeof item === 'object') {
      // A translated text ({ 'pt-BR': …, en: … }) is user-typed in every language.
      const translations = USER_KEYS.has(key);
      return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, walk(v, k, translations)]));
    }
    return item;
  };
  return walk(value, '', false) as T;
}

/** The element and every element under it, through every shadow root. */
function allElements(root: Element): Element[] {
  const found: Element[] = [root];
  for (const child of [...root.children, ...(root.shadowRoot?.children ?? [])]) found.push(...allElements(child));
  return found;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster']);

/** What a hostile string would have made, had it been parsed as markup or followed as a link. */
function injected(element: Element): string | null {
  const tag = element.localName;
  if (['script', 'iframe', 'object', 'embed'].includes(tag)) return `<${tag}>`;
  if (tag === 'img' && element.getAttribute('src') === 'x') return '<img src=x>';
  for (const { name, value } of element.attributes) {
    if (name.startsWith('on')) return `${tag}[${name}]`;
    if (URL_ATTRIBUTES.has(name) && /^\s*javascript:/i.test(value)) return `${tag}[${name}=${value}]`;
  }
  if (tag === 'a' && (element as HTMLAnchorElement).protocol === 'javascript:') return 'a[href=javascript:]';
  if (tag === 'style' && /evil\.test/.test(element.textContent ?? '')) return '<style> from data';
  return null;
}

/** The text shown, through every shadow root (what a person reads). */
function shownText(root: Element): string {
  return allElements(root)
    .flatMap((element) => [
      ...[...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent),
      element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.value : '',
    ])
    .join(' ');
}

/** Text nodes holding a right-to-left override whose parent does not isolate it from the text around it. */
function bidiLeaks(root: Element): string[] {
  const leaks: string[] = [];
  for (const element of allElements(root)) {
    // A visually hidden label is read, not shown: its text's direction reorders nothing on screen.
    if (element.classList.contains('visually-hidden')) continue;
    for (const node of element.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.includes('\u202E')) continue;
      const isolated = ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(element).unicodeBidi);
      if (!isolated && element.localName !== 'bdi' && !element.hasAttribute('dir'))
        leaks.push(`<${element.localName} class="${element.className}">`);
    }
  }
  return leaks;
}

async function rendered(template: TemplateResult): Promise<Element> {
  const el = await fixture(template);
  await settle(el as never, 6);
  return el;
}

const client = (state: ConectaState, options: MockClientOptions = {}) => createMockClient(hostile(state), options);

const CASES: Record<string, () => Promise<Element>> = {
  'conecta-queue': () => rendered(html`<conecta-queue .client=${client(queueFixture())} lang="pt-BR"></conecta-queue>`),
  'conecta-session': () =>
    rendered(html`<conecta-session .client=${client(conversationFixture())} session-id="session-4" lang="pt-BR"></conecta-session>`),
  'conecta-agent-desk': () =>
    rendered(html`<conecta-agent-desk .client=${client(conversationFixture())} lang="pt-BR"></conecta-agent-desk>`),
  'conecta-agent-bar': () => rendered(html`<conecta-agent-bar .client=${client(agentBarFixture())} lang="pt-BR"></conecta-agent-bar>`),
  'conecta-agents': () => rendered(html`<conecta-agents .client=${client(queueFixture())} lang="pt-BR"></conecta-agents>`),
  'conecta-contact-form': () =>
    rendered(
      html`<conecta-contact-form .client=${client(queueFixture())} contact-id=${contacts.elisa.id} lang="pt-BR"></conecta-contact-form>`,
    ),
  'conecta-internal-chat': () =>
    rendered(html`<conecta-internal-chat .client=${client(chatFixture())} with-agent=${bruno.id} lang="pt-BR"></conecta-internal-chat>`),
  'conecta-webchat (a conversation)': () => webchat(webchatActiveFixture(), webchatChannel),
  'conecta-webchat (finished, rating)': () => webchat(webchatFinishedFixture(), webchatChannel),
  'conecta-webchat (a new visitor: greeting, form, menu)': () => webchat(webchatNewVisitorFixture(), webchatChannel),
};

async function webchat(state: ConectaState, channel: typeof webchatChannel): Promise<Element> {
  const el = (await rendered(
    html`<conecta-webchat
      .client=${client(state, { identity: 'visitor', channel: hostile(channel) })}
      server="https://conecta.test"
      channel="demo"
      lang="pt-BR"
    ></conecta-webchat>`,
  )) as ConectaWebchat;
  await el.show();
  await settle(el, 6);
  return el;
}

describe('XSS corpus: hostile strings in every user-typed field, rendered by every element', () => {
  beforeEach(() => {
    forgetConectaStorage();
    delete (window as { __xss?: unknown }).__xss;
  });

  for (const [name, render] of Object.entries(CASES)) {
    it(`${name} shows them as text and runs none`, async () => {
      const el = await render();
      // Handlers of a parsed <img> or <svg> run asynchronously: give them the time to.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __xss?: unknown }).__xss, 'the canary fired').to.equal(undefined);
      const offenders = allElements(el).map(injected).filter(Boolean);
      expect(offenders.join(', '), 'elements or attributes made of data').to.equal('');
      expect(bidiLeaks(el).join(' | '), 'a right-to-left override leaking out of a name').to.equal('');
      expect(shownText(el).includes('window.__xss'), 'the hostile strings are shown as text').to.equal(true);
    });
  }
});
