import { expect, fixture } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import type { UploadOptions } from '../../src/client/upload.js';
import { ComposerController, TYPING_IDLE_MS, TYPING_INTERVAL_MS, type ComposerHost } from '../../src/controllers/composer.js';
import type { Attachment } from '../../src/protocol/entities.js';
import { MAX_UPLOAD_BYTES } from '../../src/protocol/limits.js';

/** An upload the test answers by hand; it rejects when aborted, as the client's does. */
interface PendingUpload {
  name: string;
  options: UploadOptions;
  resolve(attachment: Attachment): void;
  reject(error: unknown): void;
}

/** The part of a client the composer uses, recording what it was asked. */
class FakeClient {
  uploads: PendingUpload[] = [];
  typing: [string, boolean][] = [];
  uploadFile(file: Blob & { name?: string }, options: UploadOptions = {}): Promise<Attachment> {
    return new Promise((resolve, reject) => {
      this.uploads.push({ name: file.name ?? '', options, resolve, reject });
      options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  }
  sendTyping(sessionId: string, typing: boolean): void {
    this.typing.push([sessionId, typing]);
  }
}

/** A host that shows the draft's files and errors, as a composer's form does. */
class TestComposer extends LitElement implements ComposerHost {
  client: FakeClient | undefined = new FakeClient();
  readonly draft = new ComposerController(this, {
    tooLarge: (file) => `too large: ${file.name}`,
    uploadFailed: (file, error) => `failed: ${file.name}: ${(error as Error).message}`,
  });
  override render() {
    return html`<ul>
        ${this.draft.uploads.map(
          (upload) => html`<li>${upload.name} ${upload.attachment ? 'attached' : `${Math.round(upload.progress * 100)}%`}</li>`,
        )}
      </ul>
      ${this.draft.errors.map((error) => html`<p>${error}</p>`)}`;
  }
}
customElements.define('test-composer', TestComposer);

const shown = async (el: TestComposer) => {
  await el.updateComplete;
  return [...el.shadowRoot!.querySelectorAll('li, p')].map((each) => each.textContent!.replace(/\s+/g, ' ').trim());
};

/** The uploads' answers are handled (they continue on a microtask). */
const settled = () => new Promise((resolve) => setTimeout(resolve));

const file = (name: string, size = 3) => {
  const made = new File(['abc'], name);
  if (size !== 3) Object.defineProperty(made, 'size', { value: size });
  return made;
};

const attachment = (name: string): Attachment => ({
  id: `file-${name}`,
  name,
  size: 3,
  mime: 'text/plain',
  kind: 'file',
  url: `/files/${name}`,
});

/** A clock the test moves by hand: `Date.now` and the timers the composer sets. */
function handClock() {
  const realNow = Date.now;
  const realSetTimeout = window.setTimeout;
  const realClearTimeout = window.clearTimeout;
  let now = 1_000_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  Date.now = () => now;
  window.setTimeout = ((run: () => void, ms = 0) => {
    timers.set(nextId, { at: now + ms, run });
    return nextId++;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id: number) => void timers.delete(id)) as typeof window.clearTimeout;
  return {
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at > now) continue;
        timers.delete(id);
        timer.run();
      }
    },
    restore() {
      Date.now = realNow;
      window.setTimeout = realSetTimeout;
      window.clearTimeout = realClearTimeout;
    },
  };
}

describe('ComposerController', () => {
  describe('uploads', () => {
    it('refuses a file over the upload limit before uploading, and uploads the others with their progress', async () => {
      const el = await fixture<TestComposer>(html`<test-composer></test-composer>`);
      el.draft.addFiles([file('huge.mp4', MAX_UPLOAD_BYTES + 1), file('notes.txt')]);
      expect(el.client!.uploads.map((upload) => upload.name)).to.deep.equal(['notes.txt']);
      expect(await shown(el)).to.deep.equal(['notes.txt 0%', 'too large: huge.mp4']);
      el.client!.uploads[0].options.onProgress!(0.5);
      expect(await shown(el)).to.deep.equal(['notes.txt 50%', 'too large: huge.mp4']);
      expect(el.draft.uploading).to.equal(true);
      el.client!.uploads[0].resolve(attachment('notes.txt'));
      await settled();
      expect(await shown(el)).to.deep.equal(['notes.txt attached', 'too large: huge.mp4']);
      expect(el.draft.uploading).to.equal(false);
      expect(el.draft.attachments).to.deep.equal([attachment('notes.txt')]);
    });

    it('takes a file of exactly the limit', async () => {
      const el = await fixture<TestComposer>(html`<test-composer></test-composer>`);
      el.draft.addFiles([file('edge.bin', MAX_UPLOAD_BYTES)]);
      expect(el.client!.uploads.map((upload) => upload.name)).to.deep.equal(['edge.bin']);
      expect(el.draft.errors).to.deep.equal([]);
    });

    it('cancels an upload: aborted, dropped, and its late answer ignored', async () => {
      const el = await fixture<TestComposer>(html`<test-composer></test-composer>`);
      el.draft.addFiles([file('a.txt'), file('b.txt')]);
      const [first] = el.client!.uploads;
      el.draft.remove(el.draft.uploads[0].id);
      expect(first.options.signal!.aborted).to.equal(true);
      first.resolve(attachment('a.txt'));
      await settled();
      expect(await shown(el)).to.deep.equal(['b.txt 0%']);
      expect(el.draft.errors).to.deep.equal([]);
    });

    it('drops a file the upload failed for and says why, keeping the others', async () => {
      const el = await fixture<TestComposer>(html`<test-composer></test-composer>`);
      el.draft.addFiles([file('a.exe'), file('b.txt')]);
      el.client!.uploads[0].reject(new Error('unsupported type'));
      await settled();
      expect(await shown(el)).to.deep.equal(['b.txt 0%', 'failed: a.exe: unsupported type']);
    });

    it('uploads nothing without a client', async () => {
      const el = await fixture<TestComposer>(html`<test-composer></test-composer>`);
      el.client = undefined;
      el.draft.addFiles([file('a.txt')]);
      expect(await shown(el)).to.deep.equal([]);
    });
  });

  describe('typing and reset', () => {
    let clock: ReturnType<typeof handClock>;
    beforeEach(() => {
      clock = handClock();
    });
    afterEach(() => clock.restore());

    it('sends "typing" at most once per interval, and "stopped" after a pause', async () => {
      const el = await fixture<TestComposer>(html`<test-composer></test-composer>`);
      el.draft.typed('s1');
      clock.advance(TYPING_INTERVAL_MS - 1);
      el.draft.typed('s1');
      expect(el.client!.typing).to.deep.equal([['s1', true]]);
      clock.advance(1);
      el.draft.typed('s1');
      expect(el.client!.typing).to.deep.equal([
        ['s1', true],
        ['s1', true],
      ]);
      clock.advance(TYPING_IDLE_MS - 1);
      expect(el.client!.typing).to.have.length(2);
      clock.advance(1);
      expect(el.client!.typing).to.deep.equal([
        ['s1', true],
        ['s1', true],
        ['s1', false],
      ]);
      el.draft.stopTyping();
      expect(el.client!.typing).to.have.length(3);
    });

    it('resets to an empty draft: uploads in flight aborted, errors gone, typing stopped where it started', async () => {
      const el = await fixture<TestComposer>(html`<test-composer></test-composer>`);
      el.draft.addFiles([file('huge.mp4', MAX_UPLOAD_BYTES + 1), file('a.txt')]);
      el.draft.length = 12;
      el.draft.typed('s1');
      el.draft.reset();
      expect(el.client!.uploads[0].options.signal!.aborted).to.equal(true);
      expect(await shown(el)).to.deep.equal([]);
      expect(el.draft.length).to.equal(0);
      expect(el.client!.typing).to.deep.equal([
        ['s1', true],
        ['s1', false],
      ]);
      clock.advance(TYPING_IDLE_MS);
      expect(el.client!.typing).to.have.length(2);
    });

    it('stops typing when its element leaves the page', async () => {
      const el = await fixture<TestComposer>(html`<test-composer></test-composer>`);
      el.draft.typed('s1');
      el.remove();
      expect(el.client!.typing).to.deep.equal([
        ['s1', true],
        ['s1', false],
      ]);
    });
  });
});
