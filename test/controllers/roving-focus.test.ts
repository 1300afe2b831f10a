import { expect, fixture } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { RovingFocusController } from '../../src/controllers/roving-focus.js';
import { press } from '../elements/helpers.js';

/** A toolbar whose buttons are all in the DOM: the controller finds them itself. */
class TestToolbar extends LitElement {
  readonly roving = new RovingFocusController({
    direction: 'horizontal',
    items: () => [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')],
  });
  override render() {
    return html`<div role="toolbar" aria-label="Tools" @keydown=${this.roving.onKeydown}>
      <button id="a">A</button><button id="b">B</button><button id="c" disabled>C</button><button id="d">D</button>
      <input id="field" aria-label="Field" />
    </div>`;
  }
}
customElements.define('test-roving-toolbar', TestToolbar);

/**
 * A list of `total` rows of which only some are rendered (as a virtualized list is): the host holds
 * the tab stop and the controller works on indices. Each row is a grid row of three cells.
 */
class TestGrid extends LitElement {
  static override properties = { current: { state: true } };
  total = 30;
  current = 0;
  readonly roving = new RovingFocusController({
    direction: 'vertical',
    pageStep: 10,
    count: () => this.total,
    indexOf: (target) => Number(target.closest<HTMLElement>('[role="row"]')?.dataset.index ?? -1),
    activate: (index) => {
      this.current = index;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"] .main`)?.focus());
    },
    cells: (target) => [...(target.closest('[role="row"]')?.querySelectorAll<HTMLElement>('.main, button') ?? [])],
  });
  override render() {
    // Only the rows around the current one exist, as in a virtualized list.
    const from = Math.max(0, this.current - 2);
    const rows = Array.from({ length: Math.min(5, this.total - from) }, (_, i) => from + i);
    return html`<div role="grid" aria-label="Rows" @keydown=${this.roving.onKeydown}>
      ${rows.map(
        (i) => html`<div role="row" data-index=${i}>
        <span role="gridcell" class="main" tabindex=${i === this.current ? 0 : -1}>Row ${i}</span>
        <span role="gridcell"><button class="open" tabindex=${i === this.current ? 0 : -1}>Open ${i}</button>
          <button class="close" tabindex=${i === this.current ? 0 : -1}>Close ${i}</button></span>
      </div>`,
      )}
    </div>`;
  }
}
customElements.define('test-roving-grid', TestGrid);

const active = (el: LitElement) => el.shadowRoot!.activeElement as HTMLElement | null;
const button = (el: LitElement, id: string) => el.shadowRoot!.getElementById(id) as HTMLElement;

describe('RovingFocusController', () => {
  describe('toolbars and tab lists (horizontal)', () => {
    it('moves with Left/Right, skipping disabled items, and wraps at both ends', async () => {
      const el = await fixture<TestToolbar>(html`<test-roving-toolbar></test-roving-toolbar>`);
      button(el, 'a').focus();
      expect(press(button(el, 'a'), 'ArrowRight').defaultPrevented).to.equal(true);
      expect(active(el)?.id).to.equal('b');
      press(button(el, 'b'), 'ArrowRight');
      expect(active(el)?.id).to.equal('d');
      press(button(el, 'd'), 'ArrowRight');
      expect(active(el)?.id).to.equal('a');
      press(button(el, 'a'), 'ArrowLeft');
      expect(active(el)?.id).to.equal('d');
    });

    it('mirrors Left/Right in right-to-left text', async () => {
      const el = await fixture<TestToolbar>(html`<test-roving-toolbar dir="rtl"></test-roving-toolbar>`);
      button(el, 'a').focus();
      press(button(el, 'a'), 'ArrowLeft');
      expect(active(el)?.id).to.equal('b');
      press(button(el, 'b'), 'ArrowRight');
      expect(active(el)?.id).to.equal('a');
    });

    it('goes to the first and last item with Home and End', async () => {
      const el = await fixture<TestToolbar>(html`<test-roving-toolbar></test-roving-toolbar>`);
      button(el, 'b').focus();
      press(button(el, 'b'), 'End');
      expect(active(el)?.id).to.equal('d');
      press(button(el, 'd'), 'Home');
      expect(active(el)?.id).to.equal('a');
    });

    it('leaves text fields, modified keys and other keys alone', async () => {
      const el = await fixture<TestToolbar>(html`<test-roving-toolbar></test-roving-toolbar>`);
      const field = button(el, 'field');
      field.focus();
      expect(press(field, 'ArrowLeft').defaultPrevented).to.equal(false);
      expect(active(el)?.id).to.equal('field');
      button(el, 'a').focus();
      expect(press(button(el, 'a'), 'ArrowRight', { altKey: true }).defaultPrevented).to.equal(false);
      expect(press(button(el, 'a'), 'ArrowDown').defaultPrevented).to.equal(false);
      expect(press(button(el, 'a'), 'Enter').defaultPrevented).to.equal(false);
      expect(active(el)?.id).to.equal('a');
    });
  });

  describe('lists and grids (vertical)', () => {
    const main = (el: TestGrid, index: number) => el.shadowRoot!.querySelector<HTMLElement>(`[data-index="${index}"] .main`)!;
    const step = async (el: TestGrid, key: string, init: KeyboardEventInit = {}) => {
      press(active(el)!, key, init);
      await el.updateComplete;
      await el.updateComplete;
    };

    it('moves between rows with Up/Down, stopping at the ends, even to rows not rendered yet', async () => {
      const el = await fixture<TestGrid>(html`<test-roving-grid></test-roving-grid>`);
      main(el, 0).focus();
      await step(el, 'ArrowUp');
      expect(el.current).to.equal(0);
      await step(el, 'ArrowDown');
      expect(active(el)?.textContent).to.equal('Row 1');
      await step(el, 'End');
      expect(el.current).to.equal(29);
      expect(active(el)?.textContent).to.equal('Row 29');
      await step(el, 'ArrowDown');
      expect(el.current).to.equal(29);
      await step(el, 'Home');
      expect(active(el)?.textContent).to.equal('Row 0');
    });

    it('pages by its page step with PageUp/PageDown, within the list', async () => {
      const el = await fixture<TestGrid>(html`<test-roving-grid></test-roving-grid>`);
      main(el, 0).focus();
      await step(el, 'PageDown');
      expect(el.current).to.equal(10);
      await step(el, 'PageDown');
      await step(el, 'PageDown');
      expect(el.current).to.equal(29);
      await step(el, 'PageUp');
      expect(el.current).to.equal(19);
    });

    it("moves between a row's cells with Left/Right, mirrored right-to-left, without leaving the row", async () => {
      const el = await fixture<TestGrid>(html`<test-roving-grid></test-roving-grid>`);
      main(el, 0).focus();
      await step(el, 'ArrowRight');
      expect(active(el)?.className).to.equal('open');
      await step(el, 'ArrowRight');
      await step(el, 'ArrowRight');
      expect(active(el)?.className).to.equal('close');
      await step(el, 'ArrowLeft');
      expect(active(el)?.className).to.equal('open');
      el.dir = 'rtl';
      await step(el, 'ArrowLeft');
      expect(active(el)?.className).to.equal('close');
      expect(el.current).to.equal(0);
      // Up/Down are not mirrored, and go to the next row's first cell.
      await step(el, 'ArrowDown');
      expect(active(el)?.textContent).to.equal('Row 1');
    });
  });
});
