/** `conecta-elements/agent-bar`: defines `<conecta-agent-bar>`. */
export * from './elements/conecta-agent-bar/conecta-agent-bar.js';
