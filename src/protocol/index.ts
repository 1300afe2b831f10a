export * from './entities.js';
export * from './errors.js';
export * from './commands.js';
export * from './events.js';
export * from './http.js';
export * from './limits.js';
export * from './survey.js';
