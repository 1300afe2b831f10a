import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { defineOnDemand, requestDefinition } from '../../dom/define-on-demand.js';
import { ConectaError, fillTemplate, missingTemplateVariables, type Session, type Template } from '../../protocol/index.js';
import { SessionSelectedEvent } from './events.js';
import type { SessionHost } from './session-host.js';
import { SessionOtherChannels } from './session-other-channels.js';
import { sessionSummary } from './session-summary.js';

// The contact form (and the phone metadata behind it) is a chunk of its own, loaded when its dialog opens.
defineOnDemand('conecta-contact-form', () => import('../conecta-contact-form/conecta-contact-form.js'));

export type SessionDialog = 'template' | 'history' | 'channels' | 'contact' | 'tags' | 'transfer' | 'invite';

/**
 * The session's modal dialogs (native `<dialog>` opened with `showModal()`: focus stays inside,
 * Escape closes, and focus goes back to the button that opened it).
 */
export class SessionDialogs implements ReactiveController {
  open: SessionDialog | null = null;
  busy = false;
  error = '';
  fieldErrors: Record<string, string> = {};
  templateId = '';
  variables: Record<string, string> = {};
  history: { sessions: Session[]; loading: boolean } = { sessions: [], loading: false };
  readonly otherChannels: SessionOtherChannels;
  tagIds = new Set<string>();
  transferTeamId = '';
  transferAgentId = '';
  transferNote = '';
  inviteAgentId = '';
  #opener: HTMLElement | null = null;
  readonly #shown = new WeakSet<HTMLDialogElement>();

  constructor(private readonly host: SessionHost) {
    host.addController(this);
    this.otherChannels = new SessionOtherChannels(host);
  }

  hostUpdated(): void {
    const dialog = this.host.query<HTMLDialogElement>('dialog[part~="dialog"]');
    if (!this.open || !dialog || dialog.open) return;
    // Shown once and now closed (Escape, before its close event arrived): never open it again.
    if (this.#shown.has(dialog)) this.#closed();
    else {
      this.#shown.add(dialog);
      dialog.showModal();
    }
  }

  show(kind: SessionDialog, opener: EventTarget | null): void {
    const { session } = this.host.view;
    if (!session) return;
    this.#opener = opener instanceof HTMLElement ? opener : null;
    this.open = kind;
    this.busy = false;
    this.error = '';
    this.fieldErrors = {};
    this.host.notify('');
    if (kind === 'template') {
      this.templateId = this.#templates()[0]?.id ?? '';
      this.variables = {};
    }
    if (kind === 'tags') this.tagIds = new Set(session.tagIds);
    if (kind === 'transfer') {
      this.transferTeamId = session.teamId;
      this.transferAgentId = '';
      this.transferNote = '';
    }
    if (kind === 'invite') this.inviteAgentId = this.#invitable()[0]?.id ?? '';
    if (kind === 'history') void this.#loadHistory();
    if (kind === 'channels') void this.otherChannels.load();
    this.host.requestUpdate();
  }

  close(): void {
    const dialog = this.host.query<HTMLDialogElement>('dialog[part~="dialog"]');
    if (dialog?.open) dialog.close();
    this.#closed();
  }

  /** After `close()` or the dialog's own close (Escape): forget it and give focus back to its opener. */
  #closed = (): void => {
    if (!this.open) return;
    this.open = null;
    this.host.requestUpdate();
    const opener = this.#opener;
    this.#opener = null;
    void this.host.updateComplete.then(() => {
      if (opener?.isConnected) opener.focus();
    });
  };

  #templates(): Template[] {
    const { catalog, session } = this.host.view;
    return (catalog?.templates ?? []).filter((template) => template.teamId === session?.teamId);
  }

  #invitable() {
    const { catalog, session, me } = this.host.view;
    return (catalog?.agents ?? []).filter(
      (agent) => agent.id !== me?.id && agent.id !== session?.agentId && !session?.invitedAgentIds.includes(agent.id),
    );
  }

  async #loadHistory(): Promise<void> {
    const { client } = this.host;
    const contactId = this.host.view.session?.contactId;
    if (!client || !contactId) return;
    this.history = { sessions: [], loading: true };
    this.host.requestUpdate();
    try {
      const { sessions } = await client.command('contact.history', { contactId });
      this.history = { sessions, loading: false };
    } catch (error) {
      this.history = { sessions: [], loading: false };
      this.error = this.host.errorMessage(error);
    }
    this.host.requestUpdate();
  }

  /** Run a command for the open dialog: busy while it runs, its error shown, closed when done. */
  async #run(action: () => Promise<unknown>, notice = ''): Promise<void> {
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      await action();
      this.close();
      this.host.notify(notice);
    } catch (error) {
      const fields = error instanceof ConectaError ? (error.fields ?? {}) : {};
      this.fieldErrors = Object.fromEntries(
        Object.entries(fields).map(([path, message]) => [
          path.replace(/^variables\./, ''),
          /required/i.test(message) ? this.host.localize.t.sessionTools.required : message,
        ]),
      );
      this.error = this.host.errorMessage(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  #sendTemplate(): void {
    const template = this.#templates().find((each) => each.id === this.templateId);
    const client = this.host.client;
    if (!template || !client) return;
    const missing = missingTemplateVariables(template, this.variables);
    if (missing.length) {
      this.fieldErrors = Object.fromEntries(missing.map((name) => [name, this.host.localize.t.sessionTools.required]));
      this.host.requestUpdate();
      void this.host.updateComplete.then(() => this.host.query<HTMLElement>('dialog [aria-invalid="true"]')?.focus());
      return;
    }
    const variables = Object.fromEntries(template.variables.map((name) => [name, this.variables[name].trim()]));
    void this.#run(() =>
      client.command('message.sendTemplate', {
        id: crypto.randomUUID(),
        sessionId: this.host.sessionId,
        templateId: template.id,
        variables,
      }),
    );
  }

  /**
   * An earlier session (history) or a finished one on another channel opens read-only here, over the
   * current one; an open one on another channel is the host's to open in its place.
   */
  #select(session: Session): void {
    const contact = this.host.view.contact;
    if (!contact) return;
    if (this.open === 'history' || session.status === 'finished') {
      const opener = this.#opener;
      this.#opener = null; // focus goes to the earlier session, and back to "Histórico" from there
      this.close();
      this.host.showEarlier(session, opener);
      return;
    }
    this.host.dispatch(new SessionSelectedEvent({ session, contact }));
    this.close();
  }

  #frame(title: string, body: TemplateResult, submit?: { label: string; busyLabel: string; action: () => void; disabled?: boolean }) {
    const t = this.host.localize.t;
    return html`<dialog part="dialog ${this.open}-dialog" class="dialog" aria-labelledby="dialog-title" @close=${this.#closed}>
      <form novalidate @submit=${(event: Event) => {
        event.preventDefault();
        submit?.action();
      }}>
        <h3 id="dialog-title">${title}</h3>
        ${body}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${() => this.close()}>${submit ? t.common.cancel : t.common.close}</button>
          ${
            submit
              ? html`<button type="submit" class="primary" ?disabled=${this.busy || submit.disabled}
                aria-busy=${this.busy ? 'true' : 'false'}>${this.busy ? submit.busyLabel : submit.label}</button>`
              : nothing
          }
        </div>
      </form>
    </dialog>`;
  }

  #field(id: string, label: string, control: TemplateResult) {
    const error = this.fieldErrors[id];
    return html`<div class="field">
      <label for="field-${id}">${label}</label>
      ${control}
      ${error ? html`<p class="field-error" id="error-${id}">${error}</p>` : nothing}
    </div>`;
  }

  #renderTemplate() {
    const t = this.host.localize.t.sessionTools;
    const templates = this.#templates();
    const template = templates.find((each) => each.id === this.templateId);
    if (!templates.length) return this.#frame(t.templateTitle, html`<p>${t.templateNone}</p>`);
    return this.#frame(
      t.templateTitle,
      html`${this.#field(
        'template',
        t.template,
        html`<select id="field-template" @change=${(event: Event) => {
          this.templateId = (event.target as HTMLSelectElement).value;
          this.variables = {};
          this.fieldErrors = {};
          this.host.requestUpdate();
        }}>
          ${templates.map((each) => html`<option value=${each.id} ?selected=${each.id === this.templateId}>${each.name}</option>`)}
        </select>`,
      )}
        ${repeat(
          template?.variables ?? [],
          (name) => `${this.templateId}-${name}`,
          (name) =>
            this.#field(
              name,
              name,
              html`<input id="field-${name}"
            aria-required="true" aria-invalid=${this.fieldErrors[name] ? 'true' : 'false'}
            aria-describedby=${this.fieldErrors[name] ? `error-${name}` : nothing} .value=${this.variables[name] ?? ''}
            @input=${(event: Event) => {
              this.variables = { ...this.variables, [name]: (event.target as HTMLInputElement).value };
              if (this.fieldErrors[name]) this.fieldErrors = { ...this.fieldErrors, [name]: '' };
              this.host.requestUpdate();
            }} />`,
            ),
        )}
        ${
          template
            ? html`<figure class="preview"><figcaption>${t.preview}</figcaption>
              <p part="template-preview">${fillTemplate(template, this.variables)}</p></figure>`
            : nothing
        }`,
      { label: t.templateSend, busyLabel: t.sending, action: () => this.#sendTemplate() },
    );
  }

  #renderSessionList(sessions: Session[], empty: string, hint?: string) {
    const t = this.host.localize.t;
    const { catalog } = this.host.view;
    return html`${hint ? html`<p class="muted">${hint}</p>` : nothing}
      ${this.history.loading ? html`<p role="status">${t.common.loading}</p>` : nothing}
      ${!this.history.loading && sessions.length === 0 ? html`<p>${empty}</p>` : nothing}
      <ul class="session-list" part="session-list">
        ${repeat(
          sessions,
          (session) => session.id,
          (session) => html`<li>
          <button type="button" class="link" data-session-id=${session.id} @click=${() => this.#select(session)}>
            ${t.session.protocol(session.protocol)}
          </button>
          <span class="muted">${sessionSummary(this.host.localize, catalog, session)}</span>
        </li>`,
        )}
      </ul>`;
  }

  #renderHistory() {
    const t = this.host.localize.t.sessionTools;
    const { me, session } = this.host.view;
    const all = me?.permissions.history ?? false;
    const sessions = this.history.sessions.filter((each) => each.id !== session?.id && (all || me?.teamIds.includes(each.teamId)));
    return this.#frame(t.historyTitle, this.#renderSessionList(sessions, t.historyEmpty, all ? undefined : t.historyOwnTeams));
  }

  #renderChannels() {
    const t = this.host.localize.t.sessionTools;
    return this.#frame(
      t.otherChannelsTitle,
      this.otherChannels.render((session) => this.#select(session)),
    );
  }

  #renderContact() {
    const t = this.host.localize.t.sessionTools;
    void requestDefinition('conecta-contact-form'); // it upgrades in place once loaded, with its client
    return this.#frame(
      t.editContactTitle,
      html`<conecta-contact-form .client=${this.host.client} contact-id=${this.host.view.contact?.id ?? ''} without-heading
        @conecta-contact-saved=${() => this.close()} @conecta-contact-cancel=${() => this.close()}></conecta-contact-form>`,
    );
  }

  #renderTags() {
    const t = this.host.localize.t.sessionTools;
    const { catalog, session } = this.host.view;
    const tags = (catalog?.tags ?? []).filter((tag) => tag.teamId === session?.teamId);
    const client = this.host.client;
    return this.#frame(
      t.tagsTitle,
      tags.length
        ? html`<fieldset class="checks"><legend class="visually-hidden">${t.tagsTitle}</legend>
            ${tags.map(
              (tag) => html`<label class="check"><input type="checkbox" value=${tag.id} .checked=${this.tagIds.has(tag.id)}
              @change=${(event: Event) => {
                const next = new Set(this.tagIds);
                if ((event.target as HTMLInputElement).checked) next.add(tag.id);
                else next.delete(tag.id);
                this.tagIds = next;
              }} />
              <svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill=${tag.color}></circle></svg>
              ${tag.name}</label>`,
            )}
          </fieldset>`
        : html`<p>${t.tagsEmpty}</p>`,
      tags.length && client
        ? {
            label: t.save,
            busyLabel: t.saving,
            action: () =>
              void this.#run(() =>
                client.command('session.setTags', {
                  sessionId: this.host.sessionId,
                  tagIds: tags.filter((tag) => this.tagIds.has(tag.id)).map((tag) => tag.id),
                }),
              ),
          }
        : undefined,
    );
  }

  #renderTransfer() {
    const t = this.host.localize.t.sessionTools;
    const { catalog, me } = this.host.view;
    const client = this.host.client;
    const teams = catalog?.teams ?? [];
    const agents = (catalog?.agents ?? []).filter((agent) => agent.id !== me?.id && agent.teamIds.includes(this.transferTeamId));
    const teamName = teams.find((team) => team.id === this.transferTeamId)?.name ?? this.transferTeamId;
    return this.#frame(
      t.transferTitle,
      html`${this.#field(
        'team',
        t.transferTeam,
        html`<select id="field-team" @change=${(event: Event) => {
          this.transferTeamId = (event.target as HTMLSelectElement).value;
          this.transferAgentId = '';
          this.host.requestUpdate();
        }}>${teams.map((team) => html`<option value=${team.id} ?selected=${team.id === this.transferTeamId}>${team.name}</option>`)}</select>`,
      )}
        ${this.#field(
          'agent',
          t.transferAgent,
          html`<select id="field-agent" @change=${(event: Event) => {
            this.transferAgentId = (event.target as HTMLSelectElement).value;
          }}>
            <option value="" ?selected=${!this.transferAgentId}>${t.anyAgent}</option>
            ${repeat(
              agents,
              (agent) => agent.id,
              (agent) => html`<option value=${agent.id} ?selected=${agent.id === this.transferAgentId}
              >${t.agentOption(agent.nickname ?? agent.name, agent.availability.state)}</option>`,
            )}
          </select>`,
        )}
        ${this.#field(
          'note',
          t.transferNote,
          html`<textarea id="field-note" rows="3" maxlength="500" .value=${this.transferNote}
          @input=${(event: Event) => (this.transferNote = (event.target as HTMLTextAreaElement).value)}></textarea>`,
        )}`,
      {
        label: t.transferConfirm,
        busyLabel: t.transferring,
        disabled: !this.transferTeamId,
        action: () =>
          client &&
          void this.#run(
            () =>
              client.command('session.transfer', {
                sessionId: this.host.sessionId,
                toTeamId: this.transferTeamId,
                toAgentId: this.transferAgentId || null,
                note: this.transferNote.trim() || null,
              }),
            t.transferred(teamName),
          ),
      },
    );
  }

  #renderInvite() {
    const t = this.host.localize.t.sessionTools;
    const { catalog, session } = this.host.view;
    const client = this.host.client;
    const agents = this.#invitable();
    const invited = (catalog?.agents ?? []).filter((agent) => session?.invitedAgentIds.includes(agent.id));
    const chosen = agents.find((agent) => agent.id === this.inviteAgentId);
    return this.#frame(
      t.inviteTitle,
      html`${
        invited.length
          ? html`<p class="muted">${t.invitedAgents}: ${invited.map((agent) => agent.nickname ?? agent.name).join(', ')}</p>`
          : nothing
      }
        ${
          agents.length
            ? this.#field(
                'invitee',
                t.inviteAgent,
                html`<select id="field-invitee" @change=${(event: Event) => {
                  this.inviteAgentId = (event.target as HTMLSelectElement).value;
                  this.host.requestUpdate();
                }}>${agents.map(
                  (agent) => html`<option value=${agent.id} ?selected=${agent.id === this.inviteAgentId}
              >${t.agentOption(agent.nickname ?? agent.name, agent.availability.state)}</option>`,
                )}</select>`,
              )
            : html`<p>${t.inviteNone}</p>`
        }`,
      agents.length && client && chosen
        ? {
            label: t.inviteConfirm,
            busyLabel: t.sending,
            action: () =>
              void this.#run(
                () => client.command('session.invite', { sessionId: this.host.sessionId, agentId: chosen.id }),
                t.invitedDone(chosen.name),
              ),
          }
        : undefined,
    );
  }

  render() {
    switch (this.open) {
      case 'template':
        return this.#renderTemplate();
      case 'history':
        return this.#renderHistory();
      case 'channels':
        return this.#renderChannels();
      case 'contact':
        return this.#renderContact();
      case 'tags':
        return this.#renderTags();
      case 'transfer':
        return this.#renderTransfer();
      case 'invite':
        return this.#renderInvite();
      default:
        return nothing;
    }
  }
}
