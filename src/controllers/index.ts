export { ClockController, sharedClock } from './clock.js';
export { ClientController, type ClientControllerOptions, type ClientListener } from './client-controller.js';
export { StoreSelection, type ClientHost } from './store-selection.js';
export { AutoScrollController } from './auto-scroll.js';
export { AlertController } from './alert-controller.js';
