// The benchmark's page: mounts <conecta-queue> (or a baseline) on a MockClient holding many
// sessions, then applies session updates at a fixed rate while recording animation-frame times.
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '../../src/elements/conecta-queue/conecta-queue.js';
import { EntityBatch } from '../../src/client/entity-batch.js';
import type { Contact, Session } from '../../src/protocol/index.js';
import { aContact, aSession, ana, createMockClient, emptyFixture, type MockClient } from '../../test/fixtures/index.js';

export interface RunResult {
  /** Until the rows are in the DOM and laid out. */
  firstRenderMs: number;
  /** Until the rows are in the DOM (before their layout). */
  inDomMs: number;
  frames: number;
  p50: number;
  p95: number;
  max: number;
  updates: number;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** `count` sessions of Ana's teams: 70 % waiting, 20 % active, 10 % pending. */
function queueOf(count: number) {
  const now = Date.now();
  const sessions: Record<string, Session> = {};
  const contacts: Record<string, Contact> = {};
  for (let i = 0; i < count; i++) {
    const contact = aContact({ id: `c${i}`, name: `Cliente ${i}`, phone: `+55119${String(10_000_000 + i)}` });
    contacts[contact.id] = contact;
    const status = i % 10 < 7 ? 'waiting' : i % 10 < 9 ? 'active' : 'pending';
    sessions[`s${i}`] = aSession({
      id: `s${i}`,
      contactId: contact.id,
      status,
      teamId: i % 2 ? 'suporte' : 'vendas',
      agentId: status === 'waiting' ? null : ana.id,
      createdAt: now - (count - i) * 1000,
      lastMessageAt: now - (count - i) * 500,
      lastMessageText: `Mensagem ${i}`,
      lastSeq: 1,
    });
  }
  return { ...emptyFixture(), sessions, contacts };
}

/**
 * One update like the server's session.updated events: a new message, an accept, or a new waiting
 * session. They reach the store the way ConectaClient applies socket events (batched per frame);
 * the simulated server's own copy is left alone, since a real server is not in the page.
 */
function makeUpdater(client: MockClient, count: number) {
  let n = 0;
  const events = new EntityBatch(client.store);
  const latest = new Map<string, Session>();
  const emit = (session: Session, contact?: Contact) => {
    latest.set(session.id, session);
    events.add({ session, contact });
  };
  return () => {
    n++;
    const kind = n % 10;
    const now = Date.now();
    if (kind === 0) {
      const contact = aContact({ id: `new-c${n}`, name: `Novo ${n}` });
      emit(
        aSession({ id: `new-s${n}`, contactId: contact.id, teamId: 'suporte', createdAt: now, lastMessageText: 'Oi', lastMessageAt: now }),
        contact,
      );
      return;
    }
    const id = `s${(n * 7919) % count}`;
    const session = latest.get(id) ?? client.store.state.sessions[id];
    if (!session) return;
    if (kind === 1 && session.status === 'waiting') {
      emit({ ...session, status: 'active', agentId: 'agent-bruno', acceptedAt: now, version: session.version + 1 });
      return;
    }
    emit({
      ...session,
      lastMessageText: `Nova mensagem ${n}`,
      lastMessageAt: now,
      lastSeq: session.lastSeq + 1,
      version: session.version + 1,
    });
  };
}

/** Frame times while `update` runs `rate` times a second for `durationMs`. */
async function underLoad(update: () => void, rate: number, durationMs: number) {
  const times: number[] = [];
  let running = true;
  let last = await frame();
  const loop = (t: number) => {
    times.push(t - last);
    last = t;
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  let updates = 0;
  const started = performance.now();
  // Batches of updates on a 10 ms timer, catching up if the page falls behind (as a socket would deliver).
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * rate);
      while (updates < due) {
        update();
        updates++;
      }
      if (performance.now() - started >= durationMs) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  running = false;
  await frame();
  const sorted = [...times].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { frames: times.length, p50: pick(0.5), p95: pick(0.95), max: sorted[sorted.length - 1] ?? 0, updates };
}

/**
 * When `root` first has rows (`check`), laid out: a MutationObserver sees them go in, and a layout is
 * forced then (its cost counts, as it would before the frame's paint). Not polled once a frame: a poll
 * rounds to whole frames, by which rows added by a ResizeObserver callback (the virtualizer's, painted
 * in the same frame) would count one frame late.
 */
function rendered(root: Node, check: () => boolean): Promise<{ inDom: number; laidOut: number }> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      const inDom = performance.now();
      void document.body.getBoundingClientRect(); // the layout of what was added
      resolve({ inDom, laidOut: performance.now() });
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/** `<conecta-queue>` on `count` sessions. */
export async function runElement(count: number, rate: number, durationMs: number): Promise<RunResult> {
  document.body.replaceChildren();
  const client = createMockClient(queueOf(count));
  const started = performance.now();
  const el = document.createElement('conecta-queue');
  el.client = client;
  document.body.append(el);
  const { inDom, laidOut } = await rendered(el.shadowRoot!, () => el.shadowRoot!.querySelector('[role="row"]') !== null);
  const load = await underLoad(makeUpdater(client, count), rate, durationMs);
  return { firstRenderMs: laidOut - started, inDomMs: inDom - started, ...load };
}

/** Baseline: the same store and updates, rendered by lit as a plain list of every waiting session (no element). */
export async function runPlainList(count: number, rate: number, durationMs: number): Promise<RunResult> {
  document.body.replaceChildren();
  const client = createMockClient(queueOf(count));
  const host = document.createElement('div');
  document.body.append(host);
  const paint = () => {
    const waiting = Object.values(client.store.state.sessions)
      .filter((s) => s.status === 'waiting')
      .sort((a, b) => a.createdAt - b.createdAt);
    render(
      html`${repeat(
        waiting,
        (s) => s.id,
        (s) => html`<div>${client.store.state.contacts[s.contactId]?.name} — ${s.lastMessageText}</div>`,
      )}`,
      host,
    );
  };
  let scheduled = false;
  client.store.subscribe(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      paint();
    });
  });
  const started = performance.now();
  const done = rendered(host, () => host.childElementCount > 0);
  paint();
  const { inDom, laidOut } = await done;
  const load = await underLoad(makeUpdater(client, count), rate, durationMs);
  return { firstRenderMs: laidOut - started, inDomMs: inDom - started, ...load };
}

/** The first render alone, `<conecta-queue>` or the plain list, on `count` sessions (for medians of several). */
export async function firstRender(kind: 'element' | 'plain', count: number): Promise<{ firstRenderMs: number; inDomMs: number }> {
  const { firstRenderMs, inDomMs } = await (kind === 'element' ? runElement : runPlainList)(count, 0, 0);
  return { firstRenderMs, inDomMs };
}

(window as unknown as { queueBench: unknown }).queueBench = { runElement, runPlainList, firstRender };
