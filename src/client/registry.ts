import { pageGlobal } from '../dom/page-global.js';
import type { ClientApi, ConectaClientApi } from './api.js';

/**
 * The page's clients, one per server + identity, shared by every element and every copy of the SDK
 * loaded on the page (the map lives on globalThis under a symbol from the global registry).
 */
const registry = pageGlobal('clients', () => new Map<string, ClientApi>());

/** Normalize a server address so `https://x.com/` and `https://x.com` are the same server. */
export function normalizeServer(server: string): string {
  const url = new URL(server, typeof location === 'undefined' ? undefined : location.href);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function clientKey(server: string, identity: string): string {
  return `${normalizeServer(server)}#${identity}`;
}

/** Who wants to hear of new clients: elements placed before the host page logged in. Shared like the map. */
const listeners = pageGlobal('client-listeners', () => new Set<() => void>());

/** Hear of every client registered from now on; returns the unsubscribe function. */
export function onClientRegistered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function registerClient(server: string, identity: string, client: ClientApi): void {
  registry.set(clientKey(server, identity), client);
  for (const listener of [...listeners]) listener();
}

export function unregisterClient(server: string, identity: string, client: ClientApi): void {
  const k = clientKey(server, identity);
  if (registry.get(k) === client) registry.delete(k);
}

export function getClient(server: string, identity: string): ClientApi | undefined {
  return registry.get(clientKey(server, identity));
}

/**
 * The agent client already created on this page for `server` (by a provider or by the host page),
 * for elements placed outside any `<conecta-provider>`.
 */
export function findAgentClient(server: string): ConectaClientApi | undefined {
  const prefix = `${normalizeServer(server)}#agent:`;
  // Agents' identities are registered by `ConectaClient.shared` alone: such a client is a whole one.
  for (const [k, client] of registry) if (k.startsWith(prefix)) return client as ConectaClientApi;
  return undefined;
}
