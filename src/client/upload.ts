import type { Attachment } from '../protocol/entities.js';
import { ConectaError, type ProtocolError } from '../protocol/errors.js';

export interface UploadOptions {
  /** Called with the fraction sent so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Upload one file as multipart form data. XMLHttpRequest, not fetch: only it reports upload
 * progress. Errors come back as ConectaError with the server's code (PAYLOAD_TOO_LARGE, …).
 */
export function uploadFile(
  url: string,
  file: Blob & { name?: string },
  headers: Record<string, string>,
  { onProgress, signal }: UploadOptions = {},
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    if (typeof XMLHttpRequest === 'undefined') {
      reject(new ConectaError({ code: 'INTERNAL', message: 'Uploads need a browser (XMLHttpRequest).' }));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', url);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as { attachment?: Attachment; error?: ProtocolError } | null;
      if (request.status >= 200 && request.status < 300 && body?.attachment) {
        onProgress?.(1);
        resolve(body.attachment);
      } else {
        reject(new ConectaError(body?.error ?? { code: 'INTERNAL', message: `The upload failed (${request.status}).` }));
      }
    };
    request.onerror = () => reject(new ConectaError({ code: 'DISCONNECTED', message: 'The upload was interrupted.' }));
    request.onabort = () => reject(new ConectaError({ code: 'DISCONNECTED', message: 'The upload was cancelled.' }));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name ?? 'file');
    request.send(form);
  });
}
