// Counts what is alive on this page: pending timeouts, intervals, open WebSockets, and listeners
// on window and document. Runs before the widget's bundle, so everything it creates is seen.
(() => {
  const timeouts = new Set();
  const intervals = new Set();
  const sockets = new Set();
  const listeners = new Map(); // key → [target, type, fn, capture]
  const {setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci} = window;

  window.setTimeout = function (fn, ms, ...args) {
    const id = st.call(window, (...a) => {
      timeouts.delete(id);
      return typeof fn == 'function' ? fn(...a) : undefined;
    }, ms, ...args);
    timeouts.add(id);
    return id;
  };
  window.clearTimeout = (id) => (timeouts.delete(id), ct.call(window, id));
  window.setInterval = function (...a) {
    const id = si.apply(window, a);
    intervals.add(id);
    return id;
  };
  window.clearInterval = (id) => (intervals.delete(id), ci.call(window, id));

  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...a) {
      super(...a);
      sockets.add(this);
      this.addEventListener('close', () => sockets.delete(this));
    }
    close(...a) {
      sockets.delete(this);
      return super.close(...a);
    }
  };

  const ids = new WeakMap();
  let n = 0;
  const id = (o) => (typeof o == 'object' || typeof o == 'function') && o ? ids.get(o) ?? (ids.set(o, ++n), n) : String(o);
  const capture = (o) => (typeof o == 'boolean' ? o : !!o?.capture);
  for (const target of [window, document]) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    const name = target === window ? 'window' : 'document';
    target.addEventListener = function (type, fn, o) {
      const key = `${name} ${type} ${id(fn)} ${capture(o)}`;
      if (fn && !o?.signal?.aborted) listeners.set(key, type);
      // A listener added with an AbortSignal is removed when the signal aborts (no removeEventListener call).
      o?.signal?.addEventListener('abort', () => listeners.delete(key), {once: true});
      return add.call(this, type, fn, o);
    };
    target.removeEventListener = function (type, fn, o) {
      listeners.delete(`${name} ${type} ${id(fn)} ${capture(o)}`);
      return remove.call(this, type, fn, o);
    };
  }

  window.__leak = {
    counts: () => ({
      timeouts: timeouts.size,
      intervals: intervals.size,
      sockets: [...sockets].filter((s) => s.readyState < 2).length,
      listeners: listeners.size,
    }),
    listenerKeys: () => [...listeners.keys()],
  };
})();
