// A child process of the idle-socket benchmark (bench/load/idle.ts): opens the visitor sockets it is
// given from one loopback source address and keeps them idle, answering the server's pings. The
// lite socket protocol by hand on bare `ws` sockets: a client of its own per socket would cost this
// process more memory than the server spends, and this machine runs both.
import WebSocket from 'ws';
import type { IdleClientReply, IdleClientRequest } from './ipc.js';

const CONNECT_TIMEOUT_MS = 30_000;
/** Sockets opening at once: enough to be quick, few enough not to overrun the server's accept queue. */
const CONCURRENT = 200;
/** Stop trying after this many refusals in a row: the server (or this machine) holds no more. */
const REFUSALS_IN_A_ROW = 200;

const sockets: WebSocket[] = [];

/** Opens one socket: the engine's open packet, then the socket.io CONNECT with the visitor's token. */
function open(url: string, visitorToken: string, localAddress: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { localAddress, perMessageDeflate: false });
    const timer = setTimeout(() => fail(new Error('timed out')), CONNECT_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      ws.terminate();
      reject(error);
    };
    ws.on('error', fail);
    ws.on('close', () => fail(new Error('closed')));
    ws.on('message', (data: Buffer) => {
      const packet = data.toString();
      if (packet[0] === '0') ws.send(`40${JSON.stringify({ visitorToken })}`);
      else if (packet === '2') ws.send('3');
      else if (packet.startsWith('40')) {
        clearTimeout(timer);
        ws.off('error', fail);
        ws.removeAllListeners('close');
        ws.on('error', () => undefined);
        resolve(ws);
      } else if (packet.startsWith('44')) fail(new Error(packet.slice(2)));
    });
  });
}

process.on('message', async (request: IdleClientRequest) => {
  if (request.type === 'close') {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
  const { url, tokens, localAddress } = request;
  let next = 0;
  let failed = 0;
  let refusedInARow = 0;
  let firstError: string | null = null;
  const worker = async () => {
    while (next < tokens.length && refusedInARow < REFUSALS_IN_A_ROW) {
      const token = tokens[next++]!;
      try {
        sockets.push(await open(url, token, localAddress));
        refusedInARow = 0;
      } catch (error) {
        failed++;
        refusedInARow++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT }, worker));
  process.send!({ type: 'opened', connected: sockets.length, failed, firstError } satisfies IdleClientReply);
});
