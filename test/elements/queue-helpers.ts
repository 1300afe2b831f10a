// Shared setup of the <conecta-queue> browser tests: the element on a mock client, its rows and tabs, larger queues.
import { fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-queue/conecta-queue.js';
import type { ConectaQueue } from '../../src/elements/conecta-queue/conecta-queue.js';
import type { ConectaState } from '../../src/client/state.js';
import type { Contact, Session } from '../../src/protocol/index.js';
import { aContact, aSession, ana, emptyFixture, queueFixture, type MockClient } from '../fixtures/index.js';
import { $, $$, settle } from './helpers.js';

export async function queueWith(
  client: MockClient,
  attrs: { lang?: string; team?: string; phase?: string; alerts?: boolean } = {},
): Promise<ConectaQueue> {
  const el = await fixture<ConectaQueue>(
    html`<conecta-queue .client=${client} lang=${attrs.lang ?? 'pt-BR'} team=${attrs.team ?? ''} phase=${attrs.phase ?? 'waiting'}
      ?with-alerts=${attrs.alerts ?? false}></conecta-queue>`,
  );
  await settle(el);
  return el;
}

export const ids = (el: ConectaQueue, phase: string) => $$(el, `[part~="item"][part~="${phase}"]`).map((row) => row.dataset.sessionId);
export const row = (el: ConectaQueue, id: string) => $(el, `[data-session-id="${id}"]`);
export const tab = (el: ConectaQueue, phase: string) => $(el, `#tab-${phase}`);

/** Ana with `count` pending sessions (session-p0 most recent) plus the usual fixture. */
export function manyPending(count: number, now = Date.now()): ConectaState {
  const base = queueFixture(now);
  const sessions = { ...base.sessions };
  const people = { ...base.contacts };
  for (let i = 0; i < count; i++) {
    const contact = aContact({ id: `contact-p${i}`, name: `Cliente ${String(i).padStart(3, '0')}` });
    people[contact.id] = contact;
    sessions[`session-p${i}`] = aSession({
      id: `session-p${i}`,
      contactId: contact.id,
      status: 'pending',
      agentId: ana.id,
      teamId: 'suporte',
      createdAt: now - 3_600_000,
      acceptedAt: now - 3_500_000,
      lastMessageAt: now - 60_000 - i * 1000,
      lastMessageText: `Mensagem ${i}`,
    });
  }
  return { ...base, sessions, contacts: people };
}

/** Ana with `count` waiting sessions for Suporte (session-w0 the oldest). */
export function manyWaiting(count: number, now = Date.now()): ConectaState {
  const base = emptyFixture();
  const sessions: Record<string, Session> = {};
  const people: Record<string, Contact> = {};
  for (let i = 0; i < count; i++) {
    const contact = aContact({ id: `contact-w${i}`, name: `Espera ${i}` });
    people[contact.id] = contact;
    sessions[`session-w${i}`] = aSession({ id: `session-w${i}`, contactId: contact.id, createdAt: now - (count - i) * 1000 });
  }
  return { ...base, sessions, contacts: people };
}
