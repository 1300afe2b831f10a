import type { AttachmentKind } from './entities.js';
import { COMMAND_EVENT } from './events.js';

/**
 * The limits the server enforces, written once: the client, the elements and the server all read
 * them from here, so a composer can refuse before sending what the server would refuse anyway.
 */

/** The longest text of one message, in UTF-16 code units (`String.length`), after trimming. */
export const MAX_MESSAGE_LENGTH = 4096;

/**
 * The largest upload, in bytes: 10 MiB (10 × 1024 × 1024). Shown to people as "10 MB", in binary
 * multiples (see `formatFileSize`).
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * What may be uploaded, by the type the server sniffs from the content (never the uploader's
 * claim), and the kind of attachment each becomes.
 */
export const UPLOAD_TYPES: ReadonlyMap<string, AttachmentKind> = new Map([
  ['image/png', 'image'],
  ['image/jpeg', 'image'],
  ['image/gif', 'image'],
  ['image/webp', 'image'],
  ['application/pdf', 'file'],
  ['audio/ogg', 'audio'],
  ['audio/opus', 'audio'],
  ['audio/mpeg', 'audio'],
  ['audio/wav', 'audio'],
  ['audio/x-wav', 'audio'],
  ['audio/webm', 'audio'],
  ['audio/mp4', 'audio'],
  ['audio/x-m4a', 'audio'],
  ['video/mp4', 'video'],
  ['video/webm', 'video'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'file'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'file'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'file'],
  ['application/vnd.oasis.opendocument.text', 'file'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'file'],
  ['application/vnd.oasis.opendocument.presentation', 'file'],
  ['text/plain', 'file'],
]);

/**
 * The largest command a server takes: 1 MiB (1,048,576 bytes) of its UTF-8 JSON encoding. A larger
 * one is answered PAYLOAD_TOO_LARGE; clients check before sending, since resending it could never help.
 */
export const MAX_COMMAND_BYTES = 1024 * 1024;

const utf8 = new TextEncoder();

/** The UTF-8 size of a command as socket.io carries it (`["command", name, payload]`), give or take its packet header. */
export function commandBytes(name: string, payload: unknown): number {
  return utf8.encode(JSON.stringify([COMMAND_EVENT, name, payload]) ?? '').length;
}
