// Snippet support, in the script-tag bundle only (the npm modules touch no globals). A page that
// cannot add markup sets `window.akeceChatSettings = {baseUrl, inboxIdentifier, …}` before the
// script: the element is added to <body> with those properties. Calls made before the script has
// loaded wait as `[method, ...args]` entries in the array `window.akeceChat`
// (`(window.akeceChat ||= []).push(['show'])`) and run in order; afterwards `akeceChat.push`
// runs them at once. Waiting for the parsed document finds an <akece-chat> already in the markup.
type Call = [string, ...unknown[]];

const start = () => {
  const w = window as any;
  const settings = w.akeceChatSettings;
  const el: any =
    document.querySelector('akece-chat') || (settings && document.body.appendChild(document.createElement('akece-chat')));
  if (el) {
    Object.assign(el, settings);
    const run = ([method, ...args]: Call) => el[method]?.(...args);
    const queued = w.akeceChat;
    w.akeceChat = {push: (...calls: Call[]) => calls.map(run)};
    queued?.map?.(run); // an array of calls, or the object above when the script loads twice
  }
};

document.readyState == 'loading' ? addEventListener('DOMContentLoaded', start) : start();
