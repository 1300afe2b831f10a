/**
 * `conecta-agent.js`, an ES module for a `<script type="module">` tag: defines the provider and every
 * agent element, and exposes the client as `window.Conecta.ConectaClient`. What the desk needs at once
 * is in this file; each language's texts, the phone metadata and rarely used dialogs are chunks beside
 * it (dist/cdn/agent/), loaded when first needed.
 */
import '../context/index.js';
import '../queue.js';
import '../session.js';
import '../login.js';
import '../agent-bar.js';
import '../agents.js';
import '../internal-chat.js';
import '../agent-desk.js';
import { ConectaClient } from '../client/client.js';
import { defineOnDemand } from '../dom/define-on-demand.js';
import { preloadAgentTable } from '../i18n/agent-tables.js';
import { errorText, loginErrorText } from '../i18n/error-text.js';

// Rarely used elements, each a chunk defined when the page's markup or an element first uses it.
defineOnDemand('conecta-contact-form', () => import('../contact-form.js'));

// The page's language starts loading now, beside the elements' first connection to the server.
preloadAgentTable(document.documentElement.lang);

// What the IIFE bundle exposed (`window.Conecta`), kept for pages that read it; the webchat's loader
// may have put its own API there first.
const page = globalThis as { Conecta?: Record<string, unknown> };
page.Conecta = Object.assign(page.Conecta ?? {}, { ConectaClient, errorText, loginErrorText });

export { ConectaClient, errorText, loginErrorText };
