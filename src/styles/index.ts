export { tokens } from './tokens.js';
export { hostStyles } from './host.js';
