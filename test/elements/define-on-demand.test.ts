// Elements defined on demand (src/dom/define-on-demand.ts): the CDN agent bundle's rarely used elements
// are chunks loaded when the page's markup or an element first needs them.
import { expect, fixture, html } from '@open-wc/testing';
import { defineOnDemand, requestDefinition } from '../../src/dom/define-on-demand.js';

/** A loader that defines `tag` (as a chunk's module would), counting its calls; it fails while `failing`. */
function loader(tag: string) {
  const state = { calls: 0, failing: false };
  const load = async () => {
    state.calls++;
    if (state.failing) throw new TypeError('Failed to fetch dynamically imported module');
    customElements.define(tag, class extends HTMLElement {});
  };
  return { state, load };
}

const nextMutations = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('defineOnDemand', () => {
  it('loads nothing until the tag is used', async () => {
    const { state, load } = loader('x-unused-on-demand');
    defineOnDemand('x-unused-on-demand', load);
    await fixture(html`<p>no such element here</p>`);
    await nextMutations();
    expect(state.calls).to.equal(0);
    expect(customElements.get('x-unused-on-demand')).to.equal(undefined);
  });

  it('defines a tag the page already has, and the element there upgrades', async () => {
    const el = await fixture(html`<x-present-on-demand></x-present-on-demand>`);
    const { state, load } = loader('x-present-on-demand');
    defineOnDemand('x-present-on-demand', load);
    await customElements.whenDefined('x-present-on-demand');
    expect(state.calls).to.equal(1);
    expect(el.matches(':defined')).to.equal(true);
  });

  it('defines a tag once the page adds it to its markup, once however often it appears', async () => {
    const { state, load } = loader('x-added-on-demand');
    defineOnDemand('x-added-on-demand', load);
    const el = await fixture(html`<div><x-added-on-demand></x-added-on-demand><x-added-on-demand></x-added-on-demand></div>`);
    await customElements.whenDefined('x-added-on-demand');
    el.append(document.createElement('x-added-on-demand'));
    await nextMutations();
    expect(state.calls).to.equal(1);
    expect([...el.children].every((child) => child.matches(':defined'))).to.equal(true);
  });

  it('defines a tag an element asks for (inside its shadow root, where the page is not watched)', async () => {
    const { state, load } = loader('x-asked-on-demand');
    defineOnDemand('x-asked-on-demand', load);
    const host = await fixture(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML = '<x-asked-on-demand></x-asked-on-demand>';
    await nextMutations();
    expect(state.calls).to.equal(0);
    await requestDefinition('x-asked-on-demand');
    expect(state.calls).to.equal(1);
    expect(host.shadowRoot!.firstElementChild!.matches(':defined')).to.equal(true);
  });

  it('tries again on the next ask after a failed load (offline)', async () => {
    const { state, load } = loader('x-offline-on-demand');
    state.failing = true;
    defineOnDemand('x-offline-on-demand', load);
    const asked = requestDefinition('x-offline-on-demand');
    await nextMutations();
    expect(customElements.get('x-offline-on-demand')).to.equal(undefined);
    state.failing = false;
    void requestDefinition('x-offline-on-demand');
    await asked; // the first ask resolves once the tag is defined
    expect(state.calls).to.equal(2);
  });

  it('leaves a tag defined already (by an npm copy of the element) alone', async () => {
    customElements.define('x-defined-on-demand', class extends HTMLElement {});
    const { state, load } = loader('x-defined-on-demand');
    defineOnDemand('x-defined-on-demand', load);
    await requestDefinition('x-defined-on-demand');
    expect(state.calls).to.equal(0);
  });
});
