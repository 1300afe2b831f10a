import { html, nothing, type ReactiveController } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import x from 'lucide/dist/esm/icons/x.mjs';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { icon } from '../../icons/icon.js';
import type { GalleryItem, Note } from '../../protocol/index.js';
import { formatFileSize } from '../transcript.js';
import type { SessionHeader } from './session-header.js';
import type { SessionHost } from './session-host.js';

export type SidePanelTab = 'gallery' | 'notes' | 'protocol';
const TABS: readonly SidePanelTab[] = ['gallery', 'notes', 'protocol'];

/**
 * The side panel: the contact's gallery (files of this and earlier sessions), the notes on the
 * contact (every agent sees and edits them; kept live by the store), and the protocol.
 */
export class SessionSidePanel implements ReactiveController {
  tab: SidePanelTab = 'gallery';
  gallery: { contactId: string; items: GalleryItem[]; loading: boolean; error: string } | null = null;
  newNote = '';
  editing: { id: string; text: string } | null = null;
  confirmingDelete = '';
  busy = false;
  error = '';
  #notesLoadedFor: { client: unknown; contactId: string } | null = null;
  readonly #tabFocus = new RovingFocusController({
    direction: 'horizontal',
    items: () => TABS.flatMap((tab) => this.host.query<HTMLElement>(`#tab-${tab}`) ?? []),
    activate: (index) => this.select(TABS[index]!, true),
  });

  constructor(
    private readonly host: SessionHost,
    /** Owns the copy status, which the protocol tab shares with the header. */
    private readonly header: SessionHeader,
  ) {
    host.addController(this);
  }

  /** Load what the shown tab needs for the session's contact (once per contact). */
  hostUpdated(): void {
    const contactId = this.host.view.session?.contactId;
    const client = this.host.client;
    if (!contactId || !client) return;
    if (this.#notesLoadedFor?.client !== client || this.#notesLoadedFor.contactId !== contactId) {
      this.#notesLoadedFor = { client, contactId };
      this.editing = null;
      this.confirmingDelete = '';
      client.loadNotes(contactId).catch((error) => {
        this.error = this.host.errorMessage(error);
        this.host.requestUpdate();
      });
    }
    if (this.tab === 'gallery' && this.gallery?.contactId !== contactId) void this.#loadGallery(contactId);
  }

  async #loadGallery(contactId: string): Promise<void> {
    const client = this.host.client;
    if (!client) return;
    this.gallery = { contactId, items: [], loading: true, error: '' };
    this.host.requestUpdate();
    try {
      const { items } = await client.command('contact.gallery', { contactId });
      if (this.gallery?.contactId === contactId) this.gallery = { contactId, items, loading: false, error: '' };
    } catch (error) {
      if (this.gallery?.contactId === contactId)
        this.gallery = { contactId, items: [], loading: false, error: this.host.errorMessage(error) };
    }
    this.host.requestUpdate();
  }

  select(tab: SidePanelTab, focus = false): void {
    this.tab = tab;
    this.host.requestUpdate();
    if (focus) void this.host.updateComplete.then(() => this.host.query<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  async #save(id: string, text: string): Promise<boolean> {
    const client = this.host.client;
    const contactId = this.host.view.session?.contactId;
    if (!client || !contactId || !text.trim()) return false;
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      await client.command('note.save', { id, contactId, text });
      return true;
    } catch (error) {
      this.error = this.host.errorMessage(error);
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  async #create(): Promise<void> {
    if (await this.#save(crypto.randomUUID(), this.newNote)) {
      this.newNote = '';
      this.host.requestUpdate();
    }
  }

  async #saveEdit(): Promise<void> {
    const editing = this.editing;
    if (editing && (await this.#save(editing.id, editing.text))) {
      this.editing = null;
      this.host.requestUpdate();
    }
  }

  async #delete(note: Note): Promise<void> {
    const client = this.host.client;
    if (!client) return;
    this.busy = true;
    this.host.requestUpdate();
    try {
      await client.deleteNote(note.id);
      this.confirmingDelete = '';
    } catch (error) {
      this.error = this.host.errorMessage(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  #renderGallery() {
    const t = this.host.localize.t;
    const gallery = this.gallery;
    const client = this.host.client;
    if (!gallery || gallery.loading) return html`<p role="status">${t.common.loading}</p>`;
    if (gallery.error) return html`<p class="error" role="alert">${gallery.error}</p>`;
    if (!gallery.items.length) return html`<p class="muted">${t.sessionTools.galleryEmpty}</p>`;
    return html`<ul class="gallery" part="gallery">
      ${repeat(
        gallery.items,
        (item) => `${item.messageId}-${item.id}`,
        (item) => {
          const url = client?.fileUrl(item) ?? item.url;
          return html`<li part="gallery-item">
          ${
            item.kind === 'image'
              ? html`<a href=${url} target="_blank" rel="noopener noreferrer" title=${t.session.openImage(item.name)}>
                <img src=${url} alt=${item.name} loading="lazy" /></a>`
              : html`<a href=${url} target="_blank" rel="noopener noreferrer" download=${item.name}>${item.name}</a>
                <span class="muted">(${formatFileSize(this.host.localize.locale, item.size)})</span>`
          }
        </li>`;
        },
      )}
    </ul>`;
  }

  #renderNote(note: Note) {
    const t = this.host.localize.t;
    const tools = t.sessionTools;
    const editing = this.editing?.id === note.id ? this.editing : null;
    return html`<li part="note" data-note-id=${note.id}>
      <p class="muted">${tools.noteBy(note.authorName, this.host.localize.dateTime(note.updatedAt))}</p>
      ${
        editing
          ? html`<form class="note-edit" @submit=${(event: Event) => {
              event.preventDefault();
              void this.#saveEdit();
            }}>
            <label class="visually-hidden" for="note-edit-${note.id}">${tools.editNoteLabel}</label>
            <textarea id="note-edit-${note.id}" rows="3" .value=${editing.text}
              @input=${(event: Event) => (editing.text = (event.target as HTMLTextAreaElement).value)}
              @keydown=${(event: KeyboardEvent) => {
                if (event.key !== 'Escape') return;
                event.stopPropagation();
                this.editing = null;
                this.host.requestUpdate();
              }}></textarea>
            <div class="actions">
              <button type="button" @click=${() => {
                this.editing = null;
                this.host.requestUpdate();
              }}>${t.common.cancel}</button>
              <button type="submit" class="primary" ?disabled=${this.busy}>${tools.save}</button>
            </div>
          </form>`
          : html`<p class="note-text">${note.text}</p>
            ${
              this.confirmingDelete === note.id
                ? html`<div class="confirm" role="group" aria-labelledby="delete-question-${note.id}">
                  <span id="delete-question-${note.id}">${tools.deleteNoteQuestion}</span>
                  <button class="danger" ?disabled=${this.busy} @click=${() => this.#delete(note)}>${tools.deleteConfirm}</button>
                  <button @click=${() => {
                    this.confirmingDelete = '';
                    this.host.requestUpdate();
                  }}>${t.common.cancel}</button>
                </div>`
                : html`<div class="actions">
                  <button class="link" part="edit-note" aria-label="${tools.editNote}: ${note.text.slice(0, 40)}"
                    @click=${async () => {
                      this.editing = { id: note.id, text: note.text };
                      this.host.requestUpdate();
                      await this.host.updateComplete;
                      this.host.query<HTMLTextAreaElement>(`#note-edit-${note.id}`)?.focus();
                    }}>${tools.editNote}</button>
                  <button class="link" part="delete-note" aria-label="${tools.deleteNote}: ${note.text.slice(0, 40)}"
                    @click=${() => {
                      this.confirmingDelete = note.id;
                      this.host.requestUpdate();
                    }}>${tools.deleteNote}</button>
                </div>`
            }`
      }
    </li>`;
  }

  #renderNotes() {
    const t = this.host.localize.t;
    const tools = t.sessionTools;
    const notes = this.host.view.notes;
    return html`<form class="note-new" @submit=${(event: Event) => {
      event.preventDefault();
      void this.#create();
    }}>
        <label for="note-new">${tools.newNote}</label>
        <textarea id="note-new" rows="3" .value=${this.newNote}
          @input=${(event: Event) => (this.newNote = (event.target as HTMLTextAreaElement).value)}></textarea>
        <button type="submit" part="add-note" ?disabled=${this.busy}>${tools.addNote}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${notes === undefined ? html`<p role="status">${t.common.loading}</p>` : nothing}
      ${notes?.length === 0 ? html`<p class="muted">${tools.notesEmpty}</p>` : nothing}
      <ul class="notes" part="notes">${repeat(
        notes ?? [],
        (note) => note.id,
        (note) => this.#renderNote(note),
      )}</ul>`;
  }

  #renderProtocol() {
    const session = this.host.view.session;
    const tools = this.host.localize.t.sessionTools;
    if (!session) return nothing;
    return html`<p class="protocol-code" part="protocol">${session.protocol}</p>
      <button part="copy-button" @click=${() => this.header.copy(session.protocol)}>${tools.copyProtocol}</button>
      <span role="status">${this.header.copyStatus}</span>`;
  }

  /** With `drawer`, the panel lies over the conversation while open, closed by its button or Escape. */
  render(drawer: { open: boolean; close: () => void } | null = null) {
    const tools = this.host.localize.t.sessionTools;
    const labels: Record<SidePanelTab, string> = { gallery: tools.gallery, notes: tools.notes, protocol: tools.protocol };
    const closeLabel = this.host.localize.t.sessionLayout.closePanel;
    const onKeydown = (event: KeyboardEvent) => {
      if (!drawer || event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      drawer.close();
    };
    return html`<aside part="side-panel" id="side-panel" class=${drawer ? 'drawer' : ''} aria-label=${tools.sidePanel}
        ?hidden=${drawer ? !drawer.open : false} @keydown=${onKeydown}>
      ${
        drawer
          ? html`<button type="button" part="panel-close" class="icon-button panel-close" title=${closeLabel} @click=${drawer.close}>
            ${icon(x)}<span class="visually-hidden">${closeLabel}</span></button>`
          : nothing
      }
      <div role="tablist" aria-label=${tools.sidePanel} @keydown=${this.#tabFocus.onKeydown}>
        ${TABS.map(
          (tab) => html`<button role="tab" id="tab-${tab}" part="tab" aria-selected=${tab === this.tab ? 'true' : 'false'}
          aria-controls="panel-${tab}" tabindex=${tab === this.tab ? '0' : '-1'} @click=${() => this.select(tab)}>${labels[tab]}</button>`,
        )}
      </div>
      ${TABS.map(
        (tab) => html`<div role="tabpanel" id="panel-${tab}" part="tab-panel" aria-labelledby="tab-${tab}" tabindex="0"
        ?hidden=${tab !== this.tab}>
        ${tab !== this.tab ? nothing : tab === 'gallery' ? this.#renderGallery() : tab === 'notes' ? this.#renderNotes() : this.#renderProtocol()}
      </div>`,
      )}
    </aside>`;
  }
}
