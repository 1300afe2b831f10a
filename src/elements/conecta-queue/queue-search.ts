import { html, nothing, type ReactiveController } from 'lit';
import type { QueueHost } from './queue-host.js';

/** Server search waits for the agent to stop typing this long (ms). */
const SEARCH_DELAY = 300;
/** Below this many characters only what the store holds is searched. */
const SERVER_SEARCH_FROM = 3;

/**
 * The queue's toolbar: the team filter and the search box. The store is filtered at once as the
 * agent types; from 3 characters the server is asked too (debounced), since a large queue is not
 * all in the store, and a failed server search says so quietly.
 */
export class QueueSearch implements ReactiveController {
  text = '';
  searching = false;
  /** The last server search failed: the list shows only what the store already held. */
  failed = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Only the latest search may change what is shown. */
  #seq = 0;

  constructor(private readonly host: QueueHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  #onInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    const query = this.text.trim();
    const seq = ++this.#seq;
    this.failed = false;
    if (query.length < SERVER_SEARCH_FROM) this.searching = false;
    else this.#timer = setTimeout(() => void this.#searchServer(query, seq), SEARCH_DELAY);
    this.host.requestUpdate();
  }

  /** The client folds the server's answer into the store, where the lists find it. */
  async #searchServer(query: string, seq: number): Promise<void> {
    const client = this.host.client;
    if (!client || this.host.offline) return;
    this.searching = true;
    this.host.requestUpdate();
    try {
      await client.command('queue.search', {
        query,
        teamId: this.host.team || null,
        statuses: ['waiting', 'active', 'pending'],
        limit: 100,
      });
    } catch {
      // The local results stay, but the agent must know they may be incomplete (a quiet status,
      // not an alert: the agent is typing).
      if (seq === this.#seq) this.failed = true;
    } finally {
      if (seq === this.#seq) this.searching = false;
      this.host.requestUpdate();
    }
  }

  render() {
    const t = this.host.localize.t.queue;
    const { me, teams } = this.host.slice;
    const team = this.host.team;
    const query = this.text.trim();
    return html`<div part="toolbar" class="toolbar">
      <label class="field">
        <span>${t.team}</span>
        <select part="team-select" .value=${team} @change=${(event: Event) => (this.host.team = (event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!team}>${t.allTeams}</option>
          ${(me?.teamIds ?? []).map((id) => html`<option value=${id} ?selected=${team === id}>${teams[id]?.name ?? id}</option>`)}
        </select>
      </label>
      <label class="field search">
        <span>${t.search}</span>
        <input part="search" type="search" .value=${this.text} placeholder=${t.searchPlaceholder} autocomplete="off"
          @input=${(event: Event) => this.#onInput(event)} />
      </label>
      <p class="searching" role="status">${this.searching && query ? t.searching : this.failed && query ? t.searchFailed : nothing}</p>
    </div>`;
  }
}
