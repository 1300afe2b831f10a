import { COMMAND_EVENT } from './events.js';

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
