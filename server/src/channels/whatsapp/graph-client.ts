/** Where the Graph API is: Meta's by default; a fake one on loopback in tests. */
export interface GraphApiOptions {
  /** Default `https://graph.facebook.com` (env `WHATSAPP_GRAPH_URL`); a function when known only once listening (the demo's own). */
  baseUrl?: string | (() => string);
  /** Default `v21.0` (env `WHATSAPP_GRAPH_VERSION`). */
  version?: string;
  /** Tries per request on 5xx, 429 and network errors. Default 4. */
  attempts?: number;
  /** First wait between tries, doubled each time. Default 500 ms. */
  backoffMs?: number;
  /** How long one try may take before it counts as a network error. Default 20 s. */
  requestTimeoutMs?: number;
}

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_VERSION = 'v21.0';

/** A refusal: `retryable` when the Graph API was down or busy through every try. */
export class GraphError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** The credentials of one phone number (a WhatsApp channel's). Never logged. */
export interface GraphAccount {
  phoneNumberId: string;
  businessAccountId: string | null;
  accessToken: string;
}

export interface GraphTemplate {
  name: string;
  language: string;
  status: string;
  /** The BODY component's text, `{{1}}` or `{{name}}` placeholders. */
  body: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The few Graph API calls a WhatsApp channel makes. Each request is tried again with backoff on
 * 5xx, 429 and network errors; any other answer is final. The bearer token goes only in the header.
 */
export class GraphClient {
  readonly #baseUrl: string | (() => string);
  readonly version: string;
  readonly #attempts: number;
  readonly #backoffMs: number;
  readonly #requestTimeoutMs: number;

  constructor(options: GraphApiOptions = {}) {
    this.#baseUrl = options.baseUrl ?? DEFAULT_GRAPH_URL;
    this.version = options.version ?? DEFAULT_GRAPH_VERSION;
    this.#attempts = Math.max(1, options.attempts ?? 4);
    this.#backoffMs = options.backoffMs ?? 500;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
  }

  /** The longest one request can take, every try and wait included: past it, a send never answered never will be. */
  get longestRequestMs(): number {
    return this.#attempts * this.#requestTimeoutMs + this.#backoffMs * (2 ** (this.#attempts - 1) - 1);
  }

  get baseUrl(): string {
    return (typeof this.#baseUrl === 'function' ? this.#baseUrl() : this.#baseUrl).replace(/\/+$/, '');
  }

  /** `POST /{phone-number-id}/messages`; answers the message's `wamid`. */
  async sendMessage(account: GraphAccount, body: Record<string, unknown>): Promise<{ externalId: string; attempts: number }> {
    const { json, attempts } = await this.#request(account, `${account.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', ...body }),
    });
    const id = (json as { messages?: { id?: string }[] }).messages?.[0]?.id;
    if (!id) throw new GraphError('The Graph API accepted the message without giving its id.', false, null);
    return { externalId: id, attempts };
  }

  /** `POST /{phone-number-id}/media`: uploads a file, answers its media id. */
  async uploadMedia(account: GraphAccount, file: { bytes: Buffer; mime: string; name: string }): Promise<string> {
    const { json } = await this.#request(account, `${account.phoneNumberId}/media`, () => {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', file.mime);
      form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.name);
      return { method: 'POST', body: form };
    });
    const id = (json as { id?: string }).id;
    if (!id) throw new GraphError('The Graph API stored the file without giving its id.', false, null);
    return id;
  }

  /** A contact's media: `GET /{media-id}` for its short-lived url, then the bytes (same bearer token). */
  async downloadMedia(account: GraphAccount, mediaId: string): Promise<{ bytes: Buffer; mime: string | null }> {
    const { json } = await this.#request(account, encodeURIComponent(mediaId), { method: 'GET' });
    const url = (json as { url?: string }).url;
    if (!url) throw new GraphError('The Graph API gave no url for the media.', false, null);
    const response = await this.#fetch(account, url, { method: 'GET' });
    return { bytes: Buffer.from(await response.arrayBuffer()), mime: response.headers.get('content-type') };
  }

  /** The account's templates: `GET /{waba-id}/message_templates`, every page. */
  async listTemplates(account: GraphAccount): Promise<GraphTemplate[]> {
    if (!account.businessAccountId) throw new GraphError('The channel has no WhatsApp Business Account id.', false, null);
    const templates: GraphTemplate[] = [];
    let path: string | null =
      `${encodeURIComponent(account.businessAccountId)}/message_templates?fields=name,language,status,components&limit=100`;
    while (path) {
      const { json } = await this.#request(account, path, { method: 'GET' });
      const page = json as {
        data?: { name: string; language: string; status: string; components?: { type: string; text?: string }[] }[];
        paging?: { next?: string };
      };
      for (const t of page.data ?? []) {
        templates.push({
          name: t.name,
          language: t.language,
          status: t.status,
          body: t.components?.find((c) => c.type === 'BODY')?.text ?? '',
        });
      }
      path = page.paging?.next ?? null;
    }
    return templates;
  }

  async #request(
    account: GraphAccount,
    pathOrUrl: string,
    init: RequestInit | (() => RequestInit),
  ): Promise<{ json: unknown; attempts: number }> {
    const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl}/${this.version}/${pathOrUrl}`;
    for (let attempt = 1; ; attempt++) {
      let failure: GraphError;
      try {
        const response = await this.#fetch(account, url, typeof init === 'function' ? init() : init);
        return { json: await response.json(), attempts: attempt };
      } catch (error) {
        failure =
          error instanceof GraphError
            ? error
            : new GraphError(`The Graph API could not be reached (${(error as Error).message}).`, true, null);
      }
      if (!failure.retryable || attempt >= this.#attempts) throw failure;
      await sleep(this.#backoffMs * 2 ** (attempt - 1));
    }
  }

  async #fetch(account: GraphAccount, url: string, init: RequestInit): Promise<Response> {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(this.#requestTimeoutMs),
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${account.accessToken}` },
    });
    if (response.ok) return response;
    const retryable = response.status >= 500 || response.status === 429;
    let reason = `HTTP ${response.status}`;
    try {
      const error = ((await response.json()) as { error?: { code?: number; message?: string; error_data?: { details?: string } } }).error;
      if (error) reason = `(${error.code ?? response.status}) ${error.error_data?.details ?? error.message ?? reason}`;
    } catch {
      // Not JSON: the status says enough.
    }
    throw new GraphError(reason, retryable, response.status);
  }
}
