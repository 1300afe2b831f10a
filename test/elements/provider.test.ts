import { expect, fixture, html } from '@open-wc/testing';
import { registerClient, unregisterClient } from '../../src/client/registry.js';
import '../../src/context/conecta-provider.js';
import type { ConectaProvider } from '../../src/context/conecta-provider.js';
import '../../src/elements/conecta-queue/conecta-queue.js';
import type { ConectaQueue } from '../../src/elements/conecta-queue/conecta-queue.js';
import { createMockClient, emptyFixture, queueFixture } from '../fixtures/index.js';
import { $$, settle } from './helpers.js';

describe('<conecta-provider>', () => {
  it('is accessible and renders its children', async () => {
    const el = await fixture<ConectaProvider>(html`<conecta-provider><p>CRM</p></conecta-provider>`);
    await expect(el).to.be.accessible();
    expect(getComputedStyle(el).display).to.equal('contents');
  });

  it('provides the client set on its client property to the elements inside', async () => {
    const client = createMockClient(queueFixture());
    const el = await fixture<ConectaProvider>(html`<conecta-provider .client=${client}><conecta-queue></conecta-queue></conecta-provider>`);
    const queue = el.querySelector('conecta-queue')!;
    await settle(queue);
    expect(queue.client).to.equal(client);
    expect(el.client).to.equal(client);
    expect($$(queue, '[part~="waiting"]')).to.have.length(2);
  });

  it('hands the elements a new client only when the provided one is replaced', async () => {
    const first = createMockClient(queueFixture());
    const el = await fixture<ConectaProvider>(html`<conecta-provider .client=${first}><conecta-queue></conecta-queue></conecta-provider>`);
    const queue = el.querySelector('conecta-queue')!;
    await settle(queue);
    first.setConnection('connecting');
    expect(queue.client).to.equal(first);
    const second = createMockClient(emptyFixture());
    el.client = second;
    await settle(queue);
    expect(queue.client).to.equal(second);
    expect($$(queue, '[part~="waiting"]')).to.have.length(0);
  });

  it('reaches elements that upgraded before the provider was defined (ContextRoot)', async () => {
    const client = createMockClient(queueFixture());
    const tag = 'late-conecta-provider';
    const wrapper = await fixture<HTMLElement>(
      html`<div><late-conecta-provider><conecta-queue></conecta-queue></late-conecta-provider></div>`,
    );
    const queue = wrapper.querySelector('conecta-queue') as ConectaQueue;
    await settle(queue);
    expect(queue.client).to.equal(undefined);
    const { ConectaProvider } = await import('../../src/context/conecta-provider.js');
    customElements.define(tag, class extends ConectaProvider {});
    const provider = wrapper.querySelector(tag) as ConectaProvider;
    provider.client = client;
    await settle(queue);
    expect(queue.client).to.equal(client);
  });

  it("lets elements outside any provider use the page's client for their server", async () => {
    const client = createMockClient(queueFixture());
    const el = await fixture<ConectaQueue>(html`<conecta-queue server="https://crm-test.example"></conecta-queue>`);
    expect(el.client).to.equal(undefined);
    registerClient('https://crm-test.example', 'agent:token-1', client);
    try {
      // Found as soon as it is registered: the CRM may log in after the elements are on the page.
      await settle(el);
      expect(el.client).to.equal(client);
    } finally {
      unregisterClient('https://crm-test.example', 'agent:token-1', client);
    }
  });
});
