import { expect, fixture } from '@open-wc/testing';
import { html, LitElement, nothing } from 'lit';
import { ConfirmationController } from '../../src/controllers/confirmation.js';
import { press } from '../elements/helpers.js';

/** A host with a Delete button that asks first. */
class TestConfirm extends LitElement {
  deleted = 0;
  readonly confirmation = new ConfirmationController(this, {
    confirmControl: () => this.renderRoot.querySelector<HTMLElement>('.yes'),
    opener: () => this.renderRoot.querySelector<HTMLElement>('.delete'),
  });
  override render() {
    return html`<button class="delete" @click=${() => this.confirmation.ask()}>Delete</button>
      ${
        this.confirmation.asking
          ? html`<div role="alertdialog" aria-labelledby="question" @keydown=${this.confirmation.onKeydown}>
            <p id="question">Delete it?</p>
            <button class="no" @click=${() => this.confirmation.cancel()}>No</button>
            <button class="yes" @click=${() => {
              this.confirmation.close();
              this.deleted++;
            }}>Yes</button>
          </div>`
          : nothing
      }`;
  }
}
customElements.define('test-confirm', TestConfirm);

const $ = (el: LitElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const focused = (el: LitElement) => el.shadowRoot!.activeElement?.className;

async function asking(): Promise<TestConfirm> {
  const el = await fixture<TestConfirm>(html`<test-confirm></test-confirm>`);
  $(el, '.delete')!.focus();
  await el.confirmation.ask();
  return el;
}

describe('ConfirmationController', () => {
  it('shows the question and focuses its confirming control', async () => {
    const el = await asking();
    expect(el.confirmation.asking).to.equal(true);
    expect($(el, '[role="alertdialog"]')).to.not.equal(null);
    expect(focused(el)).to.equal('yes');
    await expect(el).to.be.accessible();
  });

  it('cancels: hides the question and returns focus to the opener', async () => {
    const el = await asking();
    $(el, '.no')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '[role="alertdialog"]')).to.equal(null);
    expect(focused(el)).to.equal('delete');
    expect(el.deleted).to.equal(0);
  });

  it('cancels with Escape, and the key goes no further', async () => {
    const el = await asking();
    let escapes = 0;
    el.addEventListener('keydown', () => escapes++);
    const event = press($(el, '.yes')!, 'Escape');
    await el.updateComplete;
    await el.updateComplete;
    expect(event.defaultPrevented).to.equal(true);
    expect(escapes).to.equal(0);
    expect(el.confirmation.asking).to.equal(false);
    expect(focused(el)).to.equal('delete');
  });

  it('closes once answered, and Escape is then no longer its business', async () => {
    const el = await asking();
    $(el, '.yes')!.click();
    await el.updateComplete;
    expect(el.deleted).to.equal(1);
    expect($(el, '[role="alertdialog"]')).to.equal(null);
    expect(press($(el, '.delete')!, 'Escape').defaultPrevented).to.equal(false);
  });
});
