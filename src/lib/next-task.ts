/**
 * Resolves in a new task of the event loop, so the browser can paint and handle input between two pieces of start-up
 * work instead of running them as one long task (`scheduler.yield` where the browser has it, else a zero timeout).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
