import { io } from 'socket.io-client';
import NodeWebSocket from 'ws';
import { liteSocket } from '../../src/client/socket/lite-socket.js';
import type { SocketFactory } from '../../src/client/socket/types.js';

/**
 * The sockets a `ConectaClient` uses in a browser, made to work in Node 20 (no global WebSocket):
 * visitors speak through the lite socket over `ws`, agents through socket.io-client.
 */
export const visitorSockets: SocketFactory = (url, options) =>
  liteSocket(url, { ...options, WebSocket: NodeWebSocket as unknown as typeof WebSocket });
export const agentSockets = io as unknown as SocketFactory;
