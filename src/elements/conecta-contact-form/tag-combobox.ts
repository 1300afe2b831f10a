import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { foldForSearch, type Tag } from '../../protocol/index.js';
import { describedBy, type FormView } from './form-view.js';

/** A tag as the agent picks it: several teams' tags with one name are one choice, which stands for all of them. */
interface TagChoice {
  name: string;
  color: string;
  ids: string[];
}

export interface TagComboboxView extends FormView {
  tags: readonly Tag[];
  /** The tags chosen now (not as of the last render: keys may come faster than renders). */
  tagIds(): readonly string[];
  setTags(ids: string[]): void;
}

function choicesOf(tags: readonly Tag[]): TagChoice[] {
  const byName = new Map<string, TagChoice>();
  for (const tag of tags) {
    const held = byName.get(tag.name);
    if (held) held.ids.push(tag.id);
    else byName.set(tag.name, { name: tag.name, color: tag.color, ids: [tag.id] });
  }
  return [...byName.values()];
}

/**
 * The contact's tags: the chosen ones as removable chips, and a text box that filters the company's
 * tags as it is typed (an ARIA 1.2 combobox with a listbox popup). Up and Down move through the
 * list, Enter picks, Escape closes it (then clears the text), Backspace in an empty box removes the
 * last chip. The input keeps the field's id (`tagIds`), so its error and a failed save's focus land there.
 */
export class TagCombobox {
  #query = '';
  #open = false;
  /** The option shown as active (aria-activedescendant), by its index in the filtered list. */
  #active = -1;

  /** `host` re-renders as the text, the list and the active option change. */
  constructor(private readonly host: ReactiveControllerHost & { renderRoot: ParentNode }) {}

  #set(change: Partial<{ query: string; open: boolean; active: number }>): void {
    if (change.query !== undefined) this.#query = change.query;
    if (change.open !== undefined) this.#open = change.open;
    if (change.active !== undefined) this.#active = change.active;
    this.host.requestUpdate();
    // A long list scrolls to keep the active option in sight.
    if (change.active !== undefined)
      void this.host.updateComplete.then(() =>
        this.host.renderRoot.querySelector<HTMLElement>('#tag-options [aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }),
      );
  }

  #matches(choices: TagChoice[], chosen: readonly string[]): TagChoice[] {
    const query = foldForSearch(this.#query.trim());
    return choices.filter((choice) => !choice.ids.some((id) => chosen.includes(id)) && foldForSearch(choice.name).includes(query));
  }

  #pick(view: TagComboboxView, choice: TagChoice): void {
    view.setTags([...view.tagIds(), choice.ids[0]!]);
    this.#set({ query: '', active: 0 });
  }

  #remove(view: TagComboboxView, choice: TagChoice, refocus: boolean): void {
    view.setTags(view.tagIds().filter((id) => !choice.ids.includes(id)));
    // The chip's button goes with it: focus goes back to the text box.
    if (refocus) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#tagIds')?.focus());
  }

  #onKeydown(event: KeyboardEvent, view: TagComboboxView): void {
    const choices = choicesOf(view.tags);
    const matches = this.#matches(choices, view.tagIds());
    const chosen = choices.filter((choice) => choice.ids.some((id) => view.tagIds().includes(id)));
    const step = (by: number) => {
      event.preventDefault();
      if (!this.#open) return this.#set({ open: true, active: matches.length ? 0 : -1 });
      if (!matches.length) return;
      this.#set({ active: (this.#active + by + matches.length) % matches.length });
    };
    switch (event.key) {
      case 'ArrowDown':
        return step(1);
      case 'ArrowUp':
        return step(-1);
      case 'Enter': {
        const choice = this.#open ? matches[this.#active] : undefined;
        if (!choice) return; // Enter with no list open submits the form, as in any other field
        event.preventDefault();
        return this.#pick(view, choice);
      }
      case 'Escape':
        if (!this.#open && !this.#query) return;
        // The list (or the text) is what Escape closes here, not the dialog around the form.
        event.preventDefault();
        event.stopPropagation();
        return this.#open ? this.#set({ open: false, active: -1 }) : this.#set({ query: '' });
      case 'Backspace': {
        const last = chosen.at(-1);
        if (this.#query || !last) return;
        event.preventDefault();
        return this.#remove(view, last, false);
      }
    }
  }

  render(view: TagComboboxView): TemplateResult | typeof nothing {
    const { t, inputs } = view;
    const choices = choicesOf(view.tags);
    if (!choices.length && !inputs.tagIds.length) return nothing;
    const chosen = choices.filter((choice) => choice.ids.some((id) => inputs.tagIds.includes(id)));
    const matches = this.#matches(choices, inputs.tagIds);
    const open = this.#open && !view.disabled;
    const active = open ? matches[this.#active] : undefined;
    const optionId = (choice: TagChoice) => `tag-option-${choices.indexOf(choice)}`;
    const dot = (color: string) =>
      html`<svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill=${color}></circle></svg>`;
    return html`<div class="field tags" part="field">
      <label for="tagIds">${t.tags}${view.required('tagIds') ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      ${
        chosen.length
          ? html`<ul class="chips" part="tag-chips" aria-label=${t.tagsChosen}>
            ${repeat(
              chosen,
              (choice) => choice.name,
              (choice) => html`<li class="chip" part="tag-chip">${dot(choice.color)}<span dir="auto">${choice.name}</span>
                <button type="button" part="remove-tag" aria-label=${t.tagRemove(choice.name)} ?disabled=${view.disabled}
                  @click=${() => this.#remove(view, choice, true)}>×</button></li>`,
            )}
          </ul>`
          : nothing
      }
      <div class="combobox">
        <input id="tagIds" name="tagIds" part="input tag-input" type="text" role="combobox" autocomplete="off"
          aria-autocomplete="list" aria-expanded=${open ? 'true' : 'false'} aria-controls="tag-options"
          aria-activedescendant=${ifDefined(active ? optionId(active) : undefined)}
          aria-required=${view.required('tagIds') ? 'true' : 'false'} aria-invalid=${view.hasError('tagIds') ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(view, 'tagIds', t.tagsHint))}
          ?disabled=${view.disabled} .value=${this.#query}
          @input=${(event: InputEvent) => this.#set({ query: (event.target as HTMLInputElement).value, open: true, active: 0 })}
          @click=${() => this.#set({ open: true, active: this.#active < 0 ? 0 : this.#active })}
          @blur=${() => {
            this.#set({ open: false, active: -1 });
            view.blur('tagIds');
          }}
          @keydown=${(event: KeyboardEvent) => this.#onKeydown(event, view)} />
        <ul id="tag-options" role="listbox" part="tag-options" aria-label=${t.tags} ?hidden=${!open || !matches.length}>
          ${repeat(
            matches,
            (choice) => choice.name,
            (
              choice,
            ) => html`<li role="option" id=${optionId(choice)} part="tag-option" aria-selected=${choice === active ? 'true' : 'false'}
              @mousedown=${(event: MouseEvent) => event.preventDefault() /* the text box keeps the focus */}
              @click=${() => this.#pick(view, choice)}>${dot(choice.color)}<span dir="auto">${choice.name}</span></li>`,
          )}
        </ul>
      </div>
      <p class="hint" id="tagIds-hint">${t.tagsHint}</p>
      <p class="visually-hidden" role="status">${open ? t.tagsFound(matches.length) : ''}</p>
      ${view.error('tagIds')}
    </div>`;
  }
}
