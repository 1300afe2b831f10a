import { expect, fixture } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { CommandController } from '../../src/controllers/command.js';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A host that renders each session's accept state, as a queue row does. */
class TestCommands extends LitElement {
  calls: string[] = [];
  answers = new Map<string, ReturnType<typeof deferred<string>>>();
  readonly accept = new CommandController(this, {
    run: (sessionId: string) => {
      this.calls.push(sessionId);
      const answer = deferred<string>();
      this.answers.set(sessionId, answer);
      return answer.promise;
    },
    key: (sessionId) => sessionId,
    errorMessage: (error) => `Failed: ${(error as Error).message}`,
  });
  override render() {
    return html`${['a', 'b'].map((id) => {
      const state = this.accept.state(id);
      return html`<p id=${id}>${state?.status ?? 'idle'} ${state?.status === 'done' ? state.result : this.accept.error(id)}</p>`;
    })}`;
  }
}
customElements.define('test-commands', TestCommands);

const shown = async (el: TestCommands, id: string) => {
  await el.updateComplete;
  return el.shadowRoot!.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim();
};

describe('CommandController', () => {
  it('renders pending, then done with the result', async () => {
    const el = await fixture<TestCommands>(html`<test-commands></test-commands>`);
    const run = el.accept.run('a');
    expect(await shown(el, 'a')).to.equal('pending');
    expect(el.accept.pending('a')).to.equal(true);
    el.answers.get('a')!.resolve('accepted');
    expect(await run).to.deep.include({ status: 'done', result: 'accepted', args: ['a'] });
    expect(await shown(el, 'a')).to.equal('done accepted');
  });

  it('renders a failure with its readable message, and never rejects', async () => {
    const el = await fixture<TestCommands>(html`<test-commands></test-commands>`);
    const run = el.accept.run('a');
    el.answers.get('a')!.reject(new Error('taken'));
    expect(await run).to.deep.include({ status: 'error', message: 'Failed: taken' });
    expect(await shown(el, 'a')).to.equal('error Failed: taken');
  });

  it('ignores a second run of a pending key, while other keys run side by side', async () => {
    const el = await fixture<TestCommands>(html`<test-commands></test-commands>`);
    const first = el.accept.run('a');
    expect(await el.accept.run('a')).to.equal(undefined);
    const other = el.accept.run('b');
    expect(el.calls).to.deep.equal(['a', 'b']);
    el.answers.get('b')!.resolve('b done');
    await other;
    expect(await shown(el, 'b')).to.equal('done b done');
    expect(await shown(el, 'a')).to.equal('pending');
    el.answers.get('a')!.resolve('a done');
    await first;
    expect(await shown(el, 'a')).to.equal('done a done');
  });

  it('drops the answer of a cleared key', async () => {
    const el = await fixture<TestCommands>(html`<test-commands></test-commands>`);
    const run = el.accept.run('a');
    el.accept.clear('a');
    expect(await shown(el, 'a')).to.equal('idle');
    el.answers.get('a')!.resolve('late');
    await run;
    expect(await shown(el, 'a')).to.equal('idle');
    expect(el.accept.state('a')).to.equal(undefined);
  });
});
