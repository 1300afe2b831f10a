/** `conecta-elements/queue`: defines `<conecta-queue>`. */
export * from './elements/conecta-queue/conecta-queue.js';
