import { html, nothing } from 'lit';
import ellipsis from 'lucide/dist/esm/icons/ellipsis.mjs';
import panelRight from 'lucide/dist/esm/icons/panel-right.mjs';
import { MenuButtonController } from '../../controllers/menu-button.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { icon, type IconNode } from '../../icons/icon.js';
import type { SessionHost } from './session-host.js';

/** One of the session's actions. */
export interface SessionTool {
  name: string;
  label: string;
  icon: IconNode;
  enabled: boolean;
  /** A fuller name than the label ("Ligar para +55…"). */
  ariaLabel?: string;
  /** `opener` gets focus back when a dialog the action opened closes. */
  run: (opener: HTMLElement | null) => void;
}

/**
 * The session's toolbar, on one row at any width: the frequent actions as icon buttons (their
 * labels shown beside the icons where the session is wide, else in tooltips) and the rest in a
 * "more" menu button. Where the side panel is a drawer, a button opens it.
 */
export class SessionToolbar {
  readonly #focus = new RovingFocusController({
    direction: 'horizontal',
    items: () => [
      ...this.host.query<HTMLElement>('[part="toolbar"]')!.querySelectorAll<HTMLButtonElement>(':scope > button:not(:disabled)'),
    ],
  });
  readonly #menu: MenuButtonController;

  constructor(private readonly host: SessionHost) {
    this.#menu = new MenuButtonController(host, {
      button: () => this.#moreButton(),
      menu: () => host.query<HTMLElement>('[part="tools-menu"]'),
      items: () => [
        ...(host.query<HTMLElement>('[part="tools-menu"]')?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? []),
      ],
    });
  }

  #moreButton(): HTMLElement | null {
    return this.host.query<HTMLElement>('[part~="more-button"]');
  }

  close(): void {
    this.#menu.close(false);
  }

  render(
    frequent: readonly SessionTool[],
    more: readonly SessionTool[],
    panel: { show: boolean; open: boolean; toggle: () => void } | null,
  ) {
    const t = this.host.localize.t.sessionLayout;
    const label = (tool: SessionTool) => tool.ariaLabel ?? tool.label;
    const menuOpen = this.#menu.open;
    return html`<div class="toolbar-row">
      <div part="toolbar" role="toolbar" aria-label=${this.host.localize.t.sessionTools.toolbar} @keydown=${this.#focus.onKeydown}>
        ${frequent.map(
          (tool) => html`<button type="button" part="tool" class="icon-button" data-tool=${tool.name} ?disabled=${!tool.enabled}
            title=${label(tool)} aria-label=${tool.ariaLabel ?? nothing}
            @click=${(event: Event) => tool.run(event.currentTarget as HTMLElement)}>${icon(tool.icon)}<span class="tool-label">${tool.label}</span></button>`,
        )}
        <button type="button" part="tool more-button" class="icon-button" data-tool="more" title=${t.more}
          aria-haspopup="menu" aria-expanded=${menuOpen ? 'true' : 'false'} aria-controls="tools-menu"
          @click=${this.#menu.toggle} @keydown=${this.#menu.onButtonKeydown}>${icon(ellipsis)}<span class="visually-hidden">${t.more}</span></button>
        ${
          panel?.show
            ? html`<button type="button" part="tool panel-button" class="icon-button" data-tool="panel" title=${t.showPanel}
              aria-expanded=${panel.open ? 'true' : 'false'} aria-controls="side-panel" @click=${panel.toggle}>
              ${icon(panelRight)}<span class="visually-hidden">${t.showPanel}</span></button>`
            : nothing
        }
      </div>
      <div part="tools-menu" id="tools-menu" role="menu" aria-label=${t.more} ?hidden=${!menuOpen} @keydown=${this.#menu.onMenuKeydown}>
        ${more.map(
          (tool) => html`<button type="button" role="menuitem" part="menu-item" data-tool=${tool.name} tabindex="-1"
            ?disabled=${!tool.enabled} aria-label=${tool.ariaLabel ?? nothing}
            @click=${() => {
              this.#menu.close();
              // A dialog gives focus back to the menu's button: the item is gone once the menu closes.
              tool.run(this.#moreButton());
            }}>${icon(tool.icon)}<span>${tool.label}</span></button>`,
        )}
      </div>
    </div>`;
  }
}
