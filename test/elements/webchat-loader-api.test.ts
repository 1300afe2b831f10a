// Webchat loader: the page's API (window.conecta.webchat), its queued calls and its events.
import { aTimeout, expect } from '@open-wc/testing';
import { PLACEHOLDER_TAG } from '../../src/cdn/loader/placeholder-launcher.js';
import {
  realWidget,
  deferredWidget,
  patchWidget,
  until,
  start,
  placeholder,
  placeholderButton,
  widget,
  swapped,
  cleanUpLoadersAfterEach,
} from './webchat-loader-helpers.js';

describe('webchat loader', () => {
  cleanUpLoadersAfterEach();

  describe('API', () => {
    it('is window.conecta.webchat and window.conecta.webchats[channel]', () => {
      const api = start({}, realWidget());
      expect(window.conecta?.webchat).to.equal(api);
      expect(window.conecta?.webchats.demo).to.equal(api);
      expect(Object.keys(api).sort()).to.deep.equal(['close', 'destroy', 'on', 'open', 'reset', 'setLocale', 'setUser', 'toggle']);
    });

    it('queues calls made before the widget loads and replays them in order, then calls straight through', async () => {
      const calls: string[] = [];
      const record =
        (name: string) =>
        (...args: unknown[]) =>
          void calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join()})`);
      const restore = await patchWidget(
        Object.fromEntries(['setUser', 'setLocale', 'show', 'hide', 'reset'].map((name) => [name, record(name)])),
      );
      try {
        const hooks = deferredWidget();
        const api = start({}, hooks);
        const settled: string[] = [];
        const user = { id: 'maria-1', hash: 'abc', name: 'Maria' };
        const pending = [
          api.setUser(user).then(() => settled.push('setUser')),
          api.setLocale('en').then(() => settled.push('setLocale')),
          api.close().then(() => settled.push('close')),
          api.reset().then(() => settled.push('reset')),
        ];
        expect(hooks.calls, 'these calls do not load the widget').to.equal(0);
        pending.push(api.open().then(() => settled.push('open')));
        expect(hooks.calls, 'open() loads it').to.equal(1);
        await aTimeout(10);
        expect(calls).to.deep.equal([]);
        expect(settled, 'nothing settles before the widget is there').to.deep.equal([]);

        hooks.finish();
        await Promise.all(pending);
        expect(calls).to.deep.equal([
          'setUser({"id":"maria-1","hash":"abc","name":"Maria"})',
          'setLocale("en")',
          'hide()',
          'reset()',
          'show()',
        ]);
        expect(settled).to.deep.equal(['setUser', 'setLocale', 'close', 'reset', 'open']);

        await api.close();
        expect(calls.at(-1), 'after the load, a call goes straight to the widget').to.equal('hide()');
      } finally {
        restore();
      }
    });

    it('rejects a queued call the widget refuses, without stopping the others', async () => {
      const restore = await patchWidget({
        setUser: () => {
          throw new Error('IDENTITY_REJECTED');
        },
      });
      try {
        const hooks = deferredWidget();
        const api = start({}, hooks);
        const refused = api.setUser({ id: 'x', hash: 'wrong' }).then(
          () => 'accepted',
          (error: Error) => error.message,
        );
        const opened = api.open();
        hooks.finish();
        expect(await refused).to.equal('IDENTITY_REJECTED');
        await opened;
        await until(() => widget()?.open);
      } finally {
        restore();
      }
    });

    it('on() hears the widget’s events before and after the load, with their detail, until unsubscribed', async () => {
      const api = start({}, realWidget());
      const unread: unknown[] = [];
      const opened: unknown[] = [];
      const stopUnread = api.on('unread', (detail) => unread.push(detail));
      api.on('open', (detail) => opened.push(detail));
      api.on('open', () => {
        throw new Error('a broken callback');
      });
      // The broken callback's error is reported to the page, not thrown at the widget.
      const reported: unknown[] = [];
      const report = (event: ErrorEvent) => {
        reported.push(event.error);
        event.preventDefault();
      };
      const onerror = window.onerror;
      window.onerror = () => true; // mocha would count it as this test's failure
      addEventListener('error', report);
      try {
        await until(() => placeholder());
        placeholderButton().focus(); // loads without opening
        const el = await swapped();
        unread.length = opened.length = 0; // whatever the widget said on its own while starting
        el.dispatchEvent(new CustomEvent('conecta-webchat-unread', { detail: { count: 2 }, bubbles: true, composed: true }));
        el.dispatchEvent(new CustomEvent('conecta-webchat-open', { detail: {}, bubbles: true, composed: true }));
        expect(unread).to.deep.equal([{ count: 2 }]);
        expect(opened, 'the other callback still ran').to.deep.equal([{}]);
        expect(reported.map((error) => (error as Error).message)).to.deep.equal(['a broken callback']);

        stopUnread();
        el.dispatchEvent(new CustomEvent('conecta-webchat-unread', { detail: { count: 3 }, bubbles: true, composed: true }));
        expect(unread).to.deep.equal([{ count: 2 }]);

        const late: unknown[] = [];
        api.on('message', (detail) => late.push(detail));
        el.dispatchEvent(new CustomEvent('conecta-webchat-message', { detail: { message: { id: 'm1' } }, bubbles: true, composed: true }));
        expect(late).to.deep.equal([{ message: { id: 'm1' } }]);
      } finally {
        window.onerror = onerror;
        removeEventListener('error', report);
      }
    });

    it('on() hears the real panel opening and closing', async () => {
      const api = start({}, realWidget());
      const heard: string[] = [];
      api.on('open', () => heard.push('open'));
      api.on('close', () => heard.push('close'));
      await api.open();
      await api.close();
      expect(heard).to.deep.equal(['open', 'close']);
    });

    it('keeps one API per channel when a channel’s script is on the page twice', async () => {
      const warn = console.warn;
      console.warn = () => {};
      try {
        const first = start({}, realWidget());
        expect(start({}, realWidget())).to.equal(first);
      } finally {
        console.warn = warn;
      }
      await until(() => placeholder());
      expect(document.querySelectorAll(`${PLACEHOLDER_TAG}[channel="demo"]`).length).to.equal(1);
    });
  });
});
