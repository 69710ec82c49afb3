/**
 * Node's `setImmediate`, which the server uses to yield between slices of work (a keystroke's
 * diagnostics are never stuck behind a large lint), for a Web Worker, which has none.
 * `setTimeout(fn, 0)` is not one: browsers clamp nested timeouts to 4 ms, a pause after every slice.
 */
if (typeof globalThis.setImmediate !== 'function') {
  const queue: Array<() => void> = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  const setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => {
    queue.push(() => callback(...args));
    channel.port2.postMessage(null);
  };
  (globalThis as { setImmediate: unknown }).setImmediate = setImmediate;
}
