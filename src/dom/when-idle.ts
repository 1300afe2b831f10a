/** Calls back once the browser is idle (Safari has no requestIdleCallback: a moment later there). */
export const whenIdle = (callback: () => void) =>
  'requestIdleCallback' in self ? requestIdleCallback(callback) : setTimeout(callback, 2000);
