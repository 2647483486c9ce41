// The floor page of the latency and burst benchmarks: the least a page can do with the same
// frames. It subscribes to RoomChannel on a bare WebSocket and appends each agent message's
// text to a list in a shadow root, as an element with the part and key the probe watches
// (bench/lib/probe.js), so that its arrival and paint times are measured exactly as the
// widget's are. What the widget takes beyond this page is what the widget costs; the rest is
// the browser, the machine and the probe.
(() => {
  const params = new URLSearchParams(location.search);
  const host = document.body.appendChild(document.createElement('div'));
  const root = host.attachShadow({mode: 'open'});
  const list = root.appendChild(document.createElement('div'));
  list.setAttribute('part', 'messages');
  list.style.cssText = 'height: 480px; overflow: auto; font: 14px sans-serif';
  const identifier = JSON.stringify({channel: 'RoomChannel', pubsub_token: params.get('token')});
  const socket = new WebSocket(params.get('cable'), ['actioncable-v1-json', 'actioncable-unsupported']);
  window.__floor = {subscribed: false};
  socket.onopen = () => socket.send(JSON.stringify({command: 'subscribe', identifier}));
  socket.onmessage = (event) => {
    const frame = JSON.parse(event.data);
    if (frame.type === 'confirm_subscription') window.__floor.subscribed = true;
    const message = frame.message;
    if (message?.event !== 'message.created') return;
    const row = document.createElement('div');
    row.setAttribute('part', 'message');
    row.dataset.key = String(message.data.id);
    row.textContent = message.data.content;
    // Appended only: no scrolling, which would lay the list out again for every message.
    list.append(row);
  };
})();
