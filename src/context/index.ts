export { clientContext, attachContextRoot } from './client-context.js';
export { ConectaProvider } from './conecta-provider.js';
