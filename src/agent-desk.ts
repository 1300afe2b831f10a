/** `conecta-elements/agent-desk`: defines `<conecta-agent-desk>` (and the queue, session and contact form it composes). */
export * from './elements/conecta-agent-desk/conecta-agent-desk.js';
