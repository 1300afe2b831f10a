import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake Graph API received. */
export interface GraphRequest {
  method: string;
  /** Path and query, e.g. `/v21.0/1234/messages`. */
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  /** Parsed JSON for JSON bodies, else the raw text. */
  body: unknown;
}

/** An answer to force on the next matching requests, e.g. `{ status: 503 }` three times. */
export interface ScriptedAnswer {
  status: number;
  body?: unknown;
}

export interface FakeGraphTemplate {
  name: string;
  language: string;
  status: string;
  components: { type: string; text?: string }[];
}

/**
 * A fake of the WhatsApp Cloud API's Graph endpoints on loopback: messages (answers `wamid.N`),
 * media upload and download, and an account's message templates. Records every request, and
 * answers scripted failures first when told to.
 */
export class FakeGraph {
  readonly requests: GraphRequest[] = [];
  readonly media = new Map<string, { bytes: Buffer; mime: string }>();
  templates: FakeGraphTemplate[] = [];
  readonly #script: ScriptedAnswer[] = [];
  #server: Server | undefined;
  #count = 0;
  url = '';

  /** The next `times` requests to `/messages` or `/media` answer `answer` (e.g. 503, 429, 400). */
  failNext(answer: ScriptedAnswer, times = 1): void {
    for (let i = 0; i < times; i++) this.#script.push(answer);
  }

  /** The JSON bodies sent to `POST /{phone-number-id}/messages`. */
  sentMessages(): Record<string, any>[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages')).map((r) => r.body as Record<string, any>);
  }

  async start(): Promise<string> {
    this.#server = createServer((request, response) => {
      void this.#handle(request).then(({ status, body, type }) => {
        response.writeHead(status, { 'content-type': type ?? 'application/json' });
        response.end(Buffer.isBuffer(body) ? body : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  async #handle(request: IncomingMessage): Promise<{ status: number; body: unknown; type?: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const contentType = request.headers['content-type'];
    let body: unknown = raw.toString('utf8');
    if (contentType?.startsWith('application/json')) body = JSON.parse(raw.toString('utf8'));
    const path = request.url ?? '/';
    this.requests.push({ method: request.method ?? 'GET', path, authorization: request.headers.authorization, contentType, body });

    const bytes = /^\/media-bytes\/([^/?]+)/.exec(path);
    if (bytes) {
      const media = this.media.get(decodeURIComponent(bytes[1]));
      return media ? { status: 200, body: media.bytes, type: media.mime } : { status: 404, body: { error: { message: 'no media' } } };
    }
    const sending = request.method === 'POST' && /\/(messages|media)$/.test(path);
    if (sending) {
      const scripted = this.#script.shift();
      if (scripted)
        return {
          status: scripted.status,
          body: scripted.body ?? { error: { message: `scripted ${scripted.status}`, code: scripted.status } },
        };
    }
    if (request.method === 'POST' && path.endsWith('/messages')) {
      const to = (body as { to?: string }).to;
      return {
        status: 200,
        body: { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.${++this.#count}` }] },
      };
    }
    if (request.method === 'POST' && path.endsWith('/media')) {
      const id = `media-up-${++this.#count}`;
      return { status: 200, body: { id } };
    }
    if (request.method === 'GET' && /\/message_templates/.test(path)) {
      return { status: 200, body: { data: this.templates.map((t, i) => ({ id: String(i + 1), ...t })) } };
    }
    const mediaInfo = /^\/v[\d.]+\/([^/?]+)$/.exec(path.split('?')[0]);
    if (request.method === 'GET' && mediaInfo && this.media.has(decodeURIComponent(mediaInfo[1]))) {
      const id = decodeURIComponent(mediaInfo[1]);
      const media = this.media.get(id)!;
      return {
        status: 200,
        body: { url: `${this.url}/media-bytes/${encodeURIComponent(id)}`, mime_type: media.mime, file_size: media.bytes.length, id },
      };
    }
    return { status: 404, body: { error: { message: `fake Graph: nothing at ${request.method} ${path}`, code: 100 } } };
  }
}

/** A WhatsApp Cloud API webhook body as Meta sends it, for one phone number. */
export function webhookBody(phoneNumberId: string, value: { messages?: unknown[]; statuses?: unknown[]; contacts?: unknown[] }) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA-ID',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550001111', phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}
