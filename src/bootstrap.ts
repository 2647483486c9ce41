// Snippet support, in the script-tag bundle only (the npm modules touch no globals). A page that
// cannot add markup sets `window.akeceChatSettings = {baseUrl, inboxIdentifier, …}` before the
// script: the element is added to <body> with those properties. Calls made before the script has
// loaded wait as `[method, ...args]` entries in the array `window.akeceChat`
// (`(window.akeceChat ||= []).push(['show'])`) and run in order; afterwards `akeceChat.push`
// runs them at once. Waiting for the parsed document finds an <akece-chat> already in the markup.
type Call = [string, ...unknown[]];

/** What the page may have set before the script ran. */
interface SnippetGlobals {
  akeceChatSettings?: Record<string, unknown>;
  /** Calls queued before the script loaded (an array), or the runner of a script loaded before. */
  akeceChat?: {map?: (run: (call: Call) => unknown) => unknown; push?: (...calls: Call[]) => unknown};
}

/** The element's methods by name, for the queued calls (a name that is not a method is ignored). */
type Methods = Record<string, ((...args: unknown[]) => unknown) | undefined>;

const start = () => {
  const page = window as unknown as SnippetGlobals;
  const settings = page.akeceChatSettings;
  const element = document.querySelector('akece-chat') ?? (settings ? document.body.appendChild(document.createElement('akece-chat')) : null);
  if (element) {
    Object.assign(element, settings);
    const run = ([method, ...args]: Call) => (element as unknown as Methods)[method]?.(...args);
    const queued = page.akeceChat;
    page.akeceChat = {push: (...calls: Call[]) => calls.map(run)};
    queued?.map?.(run); // an array of calls, or the object above when the script loads twice
  }
};

if (document.readyState == 'loading') addEventListener('DOMContentLoaded', start);
else start();
