// In-page instrumentation for the benchmarks, injected with page.evaluateOnNewDocument before
// any page script, so nothing of it is in the product. It exposes `window.__bench`:
// - frames: [arrival ms, data] of every WebSocket message, stamped before the page's own
//   listeners run (WebSocket.prototype.addEventListener and the onmessage setter are wrapped);
//   arrival is the event's creation time when the browser gives one (queueing counts);
// - seen / painted: for every rendered message (an element with part~="message" and a data-key
//   key inside the widget's shadow roots), when it entered the DOM (MutationObserver on every
//   shadow root; a node whose data-key changes counts as new) and when that frame was painted: the
//   frame being rendered if the change was made in its animation callbacks, else the next one;
//   then a task posted from it, which runs after that frame's style, layout and paint;
// - timers: live setTimeout/setInterval ids;
// - track: false stops recording frames and rendered messages (soak and scroll runs);
// - painted(pred): resolves with the time of the first painted frame in which pred() holds.
(() => {
  if (window.__bench) return;
  const now = () => performance.now();
  const b = (window.__bench = {frames: [], seen: new Map(), painted: new Map(), timers: new Map(), roots: [], track: true});

  // ---- WebSocket frame arrival ----
  const stamp = (e) => {
    const t = now();
    if (b.track && e.__benchT === undefined) {
      const ts = e.timeStamp > 0 && e.timeStamp <= t ? e.timeStamp : t;
      e.__benchT = ts;
      b.frames.push([ts, typeof e.data === 'string' ? e.data : '']);
    }
  };
  const WS = window.WebSocket;
  const wrapped = new WeakMap();
  const wrap = (fn) => {
    if (!fn) return fn;
    let w = wrapped.get(fn);
    if (!w) {
      w = function (e) {
        stamp(e);
        return typeof fn === 'function' ? fn.call(this, e) : fn.handleEvent(e);
      };
      wrapped.set(fn, w);
    }
    return w;
  };
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  WS.prototype.addEventListener = function (type, fn, opts) {
    return add.call(this, type, type === 'message' ? wrap(fn) : fn, opts);
  };
  WS.prototype.removeEventListener = function (type, fn, opts) {
    return remove.call(this, type, type === 'message' && fn ? wrapped.get(fn) || fn : fn, opts);
  };
  const onmessage = Object.getOwnPropertyDescriptor(WS.prototype, 'onmessage');
  Object.defineProperty(WS.prototype, 'onmessage', {
    configurable: true,
    get() {
      return this.__benchOn || null;
    },
    set(fn) {
      this.__benchOn = fn;
      onmessage.set.call(this, fn ? wrap(fn) : fn);
    },
  });

  // ---- rendered messages ----
  let pending = [];
  let scheduled = false;
  const channel = new MessageChannel();
  let afterPaint = [];
  channel.port1.onmessage = () => {
    const t = now();
    const list = afterPaint;
    afterPaint = [];
    for (const fn of list) fn(t);
  };
  const afterThisPaint = (fn) => {
    afterPaint.push(fn);
    if (afterPaint.length === 1) channel.port2.postMessage(0);
  };
  // Whether the page is in a frame's animation callbacks, where a DOM change is painted in that
  // same frame (a widget that renders from requestAnimationFrame does so). This loop's callback
  // runs first in every frame (it is registered a frame ahead of any other); the task it posts
  // runs once that frame has been rendered and clears the flag.
  let inFrame = false;
  const frameEnd = new MessageChannel();
  frameEnd.port1.onmessage = () => (inFrame = false);
  const frameLoop = () => {
    inFrame = true;
    frameEnd.port2.postMessage(0);
    requestAnimationFrame(frameLoop);
  };
  requestAnimationFrame(frameLoop);
  /** Calls fn(t) once the frame that shows what is in the DOM now has been painted. */
  const nextPaint = (fn) => (inFrame ? afterThisPaint(fn) : requestAnimationFrame(() => afterThisPaint(fn)));
  b.nextPaint = nextPaint;
  const flush = (t) => {
    for (const k of pending) if (!b.painted.has(k)) b.painted.set(k, t);
    pending = [];
    scheduled = false;
  };
  const note = (el, t) => {
    const k = el.getAttribute('data-key');
    if (k && !b.seen.has(k) && (el.getAttribute('part') || '').includes('message')) {
      b.seen.set(k, t);
      pending.push(k);
    }
  };
  const observer = new MutationObserver((records) => {
    if (!b.track) return;
    const t = now();
    for (const r of records) {
      // A list that reuses its nodes shows a new message by changing the node's key.
      if (r.type === 'attributes') note(r.target, t);
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        note(n, t);
        for (const el of n.querySelectorAll('[data-key]')) note(el, t);
      }
    }
    if (pending.length && !scheduled) {
      scheduled = true;
      nextPaint(flush);
    }
  });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    b.roots.push(root);
    observer.observe(root, {childList: true, subtree: true, attributes: true, attributeFilter: ['data-key']});
    return root;
  };

  /** Every element matching `sel` inside the page's shadow roots. */
  b.deep = (sel) => b.roots.flatMap((r) => (r.host.isConnected ? [...r.querySelectorAll(sel)] : []));
  b.part = (name) => b.deep(`[part~="${name}"]`);
  /** Elements and text nodes in the widget's shadow trees. */
  b.nodes = () => {
    let n = 0;
    for (const r of b.roots) {
      if (!r.host.isConnected) continue;
      const w = document.createTreeWalker(r, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      while (w.nextNode()) n++;
    }
    return n;
  };

  /** Resolves with the paint time of the first frame in which pred() is true. */
  b.whenPainted = (pred, ms = 30000) =>
    new Promise((resolve, reject) => {
      const end = now() + ms;
      const check = () => {
        let ok = false;
        try {
          ok = pred();
        } catch {}
        if (ok) {
          afterPaint.push(resolve);
          if (afterPaint.length === 1) channel.port2.postMessage(0);
        } else if (now() > end) reject(new Error('not painted in time'));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });

  // The launcher's first paint, watched from the first frame when the page asks for it.
  if (/[?&]_watch=launcher/.test(location.search))
    b.launcher = b.whenPainted(() => b.part('launcher').some((el) => el.getBoundingClientRect().width > 0));

  // ---- timers ----
  const st = window.setTimeout;
  const ct = window.clearTimeout;
  const si = window.setInterval;
  const ci = window.clearInterval;
  window.setTimeout = function (fn, ms, ...args) {
    const id = st.call(window, (...a) => {
      b.timers.delete(id);
      return typeof fn === 'function' ? fn(...a) : undefined;
    }, ms, ...args);
    b.timers.set(id, 'timeout');
    return id;
  };
  window.clearTimeout = (id) => (b.timers.delete(id), ct.call(window, id));
  window.setInterval = function (fn, ms, ...args) {
    const id = si.call(window, fn, ms, ...args);
    b.timers.set(id, 'interval');
    return id;
  };
  window.clearInterval = (id) => (b.timers.delete(id), ci.call(window, id));
})();
