export { ConectaClient, type ConectaClientOptions } from './client.js';
export type { UploadOptions } from './upload.js';
export type { Catalog, TypingIndicator } from './state.js';
export type { AgentClientApi, ClientApi, ConectaClientApi, VisitorClientApi, WebchatStart } from './api.js';
export { Store, type Listener } from './store.js';
export { initialState, type ConectaState, type ConnectionStatus } from './state.js';
export * from './selectors.js';
export { findAgentClient } from './registry.js';
export * from '../protocol/index.js';
