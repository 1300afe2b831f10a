import { ConectaError, type ProtocolError } from '../protocol/errors.js';

/** JSON over fetch (a POST when there is a body) with the protocol's error shape; network failures become DISCONNECTED. */
export async function requestJson<T>(url: string, init: { body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(
      url,
      init.body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) },
    );
  } catch {
    throw new ConectaError({ code: 'DISCONNECTED', message: `Could not reach the server at ${new URL(url).origin}.` });
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: ProtocolError } & Partial<ProtocolError>) | null;
  if (!response.ok) {
    // Errors come as `{error: {code, message}}` (or, bare, `{code, message}`).
    const error = body?.error ?? (body?.code && body.message ? { code: body.code, message: body.message } : null);
    throw new ConectaError(error ?? { code: 'INTERNAL', message: `The server answered ${response.status}.` });
  }
  return body as T;
}
