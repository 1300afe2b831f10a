import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClientApi } from '../client/api.js';
import type { Attachment } from '../protocol/entities.js';
import { MAX_UPLOAD_BYTES } from '../protocol/limits.js';

/** "Typing" goes out at most this often while the writer types… */
export const TYPING_INTERVAL_MS = 3000;
/** …and "stopped" after this long without a key. */
export const TYPING_IDLE_MS = 4000;

/** A file of the draft: uploading (with its progress and the means to cancel it), or attached. */
export interface Upload {
  id: string;
  name: string;
  size: number;
  /** 0 to 1. */
  progress: number;
  controller: AbortController | null;
  /** Set once uploaded (or at once for a file already on the server). */
  attachment: Attachment | null;
}

/** What the composer needs of its element: a client to upload and report typing with. */
export interface ComposerHost extends Pick<ReactiveControllerHost, 'addController' | 'requestUpdate'> {
  readonly client: Pick<ClientApi, 'uploadFile' | 'sendTyping'> | undefined;
}

/** What differs between composers: the words for a refused file. */
export interface ComposerOptions {
  /** The file is over `MAX_UPLOAD_BYTES`: refused before uploading. */
  tooLarge(file: File): string;
  /** The upload failed (the server refused it, or the network did). */
  uploadFailed(file: File, error: unknown): string;
}

/**
 * The draft every composer holds, written once: the files in it (size checked first, then uploaded
 * with progress and cancel), the errors shown about them, the text's length, and the throttled typing
 * indicator. Composers extend it with their own form and sending.
 */
export class ComposerController implements ReactiveController {
  uploads: Upload[] = [];
  errors: string[] = [];
  /** The text's length, as the server counts it. */
  length = 0;
  #typingSentAt = 0;
  /** Where "typing" went: "stopped" goes there too, even if another session is shown since. */
  #typingSessionId = '';
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    protected readonly host: ComposerHost,
    private readonly options: ComposerOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stopTyping();
  }

  /** Start an empty draft: typing stops, uploads in flight are abandoned. */
  reset(): void {
    this.stopTyping();
    for (const upload of this.uploads) upload.controller?.abort();
    this.uploads = [];
    this.errors = [];
    this.length = 0;
  }

  /** Some file is still uploading: the draft cannot go yet. */
  get uploading(): boolean {
    return this.uploads.some((upload) => !upload.attachment);
  }

  /** The files uploaded so far. */
  get attachments(): Attachment[] {
    return this.uploads.flatMap((upload) => (upload.attachment ? [upload.attachment] : []));
  }

  addFiles(files: Iterable<File>): void {
    this.errors = [];
    for (const file of files) {
      if (file.size > MAX_UPLOAD_BYTES) this.errors.push(this.options.tooLarge(file));
      else void this.#upload(file);
    }
    this.host.requestUpdate();
  }

  async #upload(file: File): Promise<void> {
    const client = this.host.client;
    if (!client) return;
    const controller = new AbortController();
    const upload: Upload = { id: crypto.randomUUID(), name: file.name, size: file.size, progress: 0, controller, attachment: null };
    this.uploads = [...this.uploads, upload];
    this.host.requestUpdate();
    try {
      const attachment = await client.uploadFile(file, {
        signal: controller.signal,
        onProgress: (fraction) => {
          upload.progress = fraction;
          this.host.requestUpdate();
        },
      });
      if (controller.signal.aborted) return;
      upload.attachment = attachment;
      upload.controller = null;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.uploads = this.uploads.filter((each) => each !== upload);
      this.errors = [...this.errors, this.options.uploadFailed(file, error)];
    }
    this.host.requestUpdate();
  }

  /** Cancel an upload in progress, or drop an attached file. */
  remove(id: string): void {
    this.uploads.find((upload) => upload.id === id)?.controller?.abort();
    this.uploads = this.uploads.filter((upload) => upload.id !== id);
    this.host.requestUpdate();
  }

  /** The writer typed in this session: "typing" goes out, throttled, and "stopped" after a pause. */
  typed(sessionId: string): void {
    const client = this.host.client;
    if (!client) return;
    const now = Date.now();
    if (now - this.#typingSentAt >= TYPING_INTERVAL_MS) {
      client.sendTyping(sessionId, true);
      this.#typingSentAt = now;
      this.#typingSessionId = sessionId;
    }
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  /** Tell the other side the writer stopped typing (if it was told they started). */
  stopTyping(): void {
    clearTimeout(this.#idleTimer);
    if (this.#typingSentAt) this.host.client?.sendTyping(this.#typingSessionId, false);
    this.#typingSentAt = 0;
  }
}
