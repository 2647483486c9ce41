import {expect} from '@open-wc/testing';
import type {CableLike, CableLikeEvents} from '../../src/state/chat-session.js';
import type {ConnectionState} from '../../src/state/model.js';
import {TabCable, canShareAcrossTabs, tabsName} from '../../src/tabs/tab-cable.js';
import type {LeadPage} from '../../src/tabs/tab-lead.js';

// Tabs sharing one socket: several TabCables in one page stand for several tabs (Web Locks and
// BroadcastChannel work the same between objects of one page as between tabs). The real cable
// is faked (it is the network): each leader's cable is a FakeCable the test drives. Each tab
// has a page of its own: real timers the test can stop (the tab hangs) and an event target
// where the test fires the page's lifecycle events (`freeze`, `resume`).

/** A tab's page: its clock runs until `hang()`, and `freeze()`/`resume()` fire the page's lifecycle events. */
class TestPage implements LeadPage {
  readonly document = new EventTarget();
  hung = false;
  every(ms: number, tick: () => void) {
    const timer = setInterval(() => this.hung || tick(), ms);
    return () => clearInterval(timer);
  }
  freeze() {
    this.document.dispatchEvent(new Event('freeze'));
  }
  resume() {
    this.document.dispatchEvent(new Event('resume'));
  }
}

/** A CableLike whose events the test raises. */
class FakeCable implements CableLike {
  state: ConnectionState = 'idle';
  connected = false;
  disposed = false;
  reconnects = 0;
  readonly listeners = new Map<string, Set<(detail: never) => void>>();
  connect() {
    this.connected = true;
  }
  perform() {
    return true;
  }
  reconnect() {
    this.reconnects++;
  }
  dispose() {
    this.disposed = true;
  }
  on<Type extends keyof CableLikeEvents>(type: Type, listener: (detail: CableLikeEvents[Type]) => void) {
    const set = this.listeners.get(type) ?? new Set();
    this.listeners.set(type, set.add(listener as (detail: never) => void));
    return () => void set.delete(listener as (detail: never) => void);
  }
  emit<Type extends keyof CableLikeEvents>(type: Type, detail: CableLikeEvents[Type]) {
    for (const listener of this.listeners.get(type) ?? []) (listener as (detail: CableLikeEvents[Type]) => void)(detail);
  }
  /** Welcome and a confirmed subscription, as the real cable reports them. */
  subscribe(resumed = false) {
    this.state = 'connected';
    this.emit('state', {state: 'connected', previous: 'connecting'});
    this.emit('subscribed', {resumed});
  }
}

/** Waits (a task at a time, at most `ms`) until `condition` holds. */
async function until(condition: () => unknown, what: string, ms = 2000) {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let contact = 0;

/** A browser's tabs of one contact: each `open()` is a tab's TabCable, with what it heard. */
function browserTabs() {
  const token = `token-${++contact}-${Math.random()}`;
  const cables: FakeCable[] = [];
  const tabs: {cable: TabCable; page: TestPage; heard: string[]; subscribed: boolean[]}[] = [];
  const open = () => {
    const page = new TestPage();
    const factory = () => {
      const real = new FakeCable();
      cables.push(real);
      return real;
    };
    const cable = new TabCable({url: 'wss://akece.test/cable', pubsubToken: token, presenceInterval: 30}, factory, page);
    const tab = {cable, page, heard: [] as string[], subscribed: [] as boolean[]};
    cable.on('event', (event) => tab.heard.push(String((event.data as {content?: string}).content)));
    cable.on('subscribed', ({resumed}) => tab.subscribed.push(resumed));
    cable.connect();
    tabs.push(tab);
    return tab;
  };
  return {cables, tabs, open, channelName: tabsName({url: 'wss://akece.test/cable', pubsubToken: token}), dispose: () => tabs.forEach((tab) => tab.cable.dispose())};
}

const created = (content: string) => ({event: 'message.created', data: {content}}) as unknown as CableLikeEvents['event'];

describe('TabCable: one socket for all tabs', () => {
  let browser: ReturnType<typeof browserTabs>;
  beforeEach(() => (browser = browserTabs()));
  afterEach(() => browser.dispose());

  it('is supported here (Web Locks and BroadcastChannel)', () => {
    expect(canShareAcrossTabs()).to.equal(true);
  });

  it('opens one socket: the first tab leads, the others hear its state, subscriptions and events', async () => {
    const first = browser.open();
    await until(() => browser.cables.length == 1, 'the leader’s cable');
    expect(browser.cables[0].connected).to.equal(true);
    browser.cables[0].subscribe();
    expect(first.cable.state).to.equal('connected');

    const second = browser.open();
    const third = browser.open();
    await until(() => second.cable.state == 'connected' && third.cable.state == 'connected', 'followers connected');
    expect(browser.cables, 'one socket for three tabs').to.have.length(1);
    expect([first.cable.leading, second.cable.leading, third.cable.leading]).to.deep.equal([true, false, false]);
    expect(second.subscribed).to.deep.equal([false]);

    browser.cables[0].emit('event', created('Hello'));
    await until(() => second.heard.length && third.heard.length, 'the event in every tab');
    expect([first.heard, second.heard, third.heard]).to.deep.equal([['Hello'], ['Hello'], ['Hello']]);
  });

  /** Drops the leader's repeated events numbered in `lost` (as a BroadcastChannel may lose a message). */
  function losing(lost: number[]) {
    const post = BroadcastChannel.prototype.postMessage;
    const stub = function (this: BroadcastChannel, message: unknown) {
      const numbered = (message as {kind?: string; numbered?: {count: number}}).kind == 'event' ? (message as {numbered: {count: number}}).numbered : null;
      if (numbered && lost.includes(numbered.count)) return;
      post.call(this, message);
    };
    BroadcastChannel.prototype.postMessage = stub;
    return () => (BroadcastChannel.prototype.postMessage = post);
  }

  /** A leader, subscribed, and `count` followers that have heard its state. */
  async function leaderWithFollowers(count: number) {
    const first = browser.open();
    await until(() => browser.cables.length == 1, 'the leader’s cable');
    browser.cables[0].subscribe();
    const followers = Array.from({length: count}, () => browser.open());
    await until(() => followers.every((tab) => tab.cable.state == 'connected'), 'followers connected');
    return {first, followers, real: browser.cables[0]};
  }

  it('backfills in a follower when an event repeated to it was lost on the way', async () => {
    const {
      followers: [second],
      real,
    } = await leaderWithFollowers(1);
    const restore = losing([2]);
    try {
      for (const content of ['one', 'two', 'three']) real.emit('event', created(content));
      await until(() => second.heard.includes('three'), 'the third event');
    } finally {
      restore();
    }
    expect(second.heard).to.deep.equal(['one', 'three']);
    expect(second.subscribed, 'a resumption: the session backfills the lost one').to.deep.equal([false, true]);
  });

  it('finds a lost last event by the mark the leader says after its events', async () => {
    const {
      followers: [second],
      real,
    } = await leaderWithFollowers(1);
    const restore = losing([2]);
    try {
      real.emit('event', created('one'));
      real.emit('event', created('two')); // lost, and nothing follows it
      await until(() => second.subscribed.length == 2, 'a backfill within half a second or so', 1500);
    } finally {
      restore();
    }
    expect(second.heard).to.deep.equal(['one']);
    expect(second.subscribed).to.deep.equal([false, true]);
  });

  it('does not backfill when nothing was lost, marks or not', async () => {
    const {
      followers: [second],
      real,
    } = await leaderWithFollowers(1);
    // A tab of its own listening on the channel hears the leader's mark after the events.
    const listener = new BroadcastChannel(browser.channelName);
    const marks: number[] = [];
    listener.onmessage = ({data}) => data.kind == 'mark' && marks.push(data.numbered.count);
    try {
      for (let count = 1; count <= 5; count++) real.emit('event', created(`message ${count}`));
      await until(() => marks.includes(5), 'the mark after the fifth event', 1500);
      // The follower hears the channel in order: once it has the next event, it has had the mark.
      real.emit('event', created('message 6'));
      await until(() => second.heard.length == 6, 'every event');
    } finally {
      listener.close();
    }
    expect(second.subscribed).to.deep.equal([false]);
  });

  it('hands the lead to another tab within 2 s when the leader closes; its subscription is a resumption (every tab backfills)', async () => {
    const {
      first,
      followers: [second],
    } = await leaderWithFollowers(1);

    const closedAt = performance.now();
    first.cable.dispose(); // the leading tab closes
    expect(browser.cables[0].disposed).to.equal(true);
    await until(() => browser.cables.length == 2, 'a new leader’s socket');
    expect(performance.now() - closedAt).to.be.below(2000);
    expect(second.cable.leading).to.equal(true);
    browser.cables[1].subscribe(false);
    expect(second.subscribed.at(-1), 'resumed: backfill what arrived between the two sockets').to.equal(true);

    browser.cables[1].emit('event', created('After the handover'));
    expect(second.heard).to.deep.equal(['After the handover']);
  });

  it('says hello again until the leader answers: Chromium drops a message posted just before a window opens', async () => {
    browser.open();
    await until(() => browser.cables.length == 1, 'the leader’s cable');
    browser.cables[0].subscribe();
    const follower = browser.open(); // its hello…
    window.open('about:blank', '_blank', 'popup')?.close(); // …is lost as this page opens a window
    await until(() => follower.cable.state == 'connected', 'the follower connected', 1500);
    expect(follower.subscribed, 'subscribed once').to.deep.equal([false]);
    expect(browser.cables, 'one socket').to.have.length(1);
  });

  it('passes a follower’s reconnect to the leader', async () => {
    browser.open();
    await until(() => browser.cables.length == 1, 'the leader’s cable');
    browser.cables[0].subscribe();
    const follower = browser.open();
    await until(() => follower.cable.state == 'connected', 'the follower connected');
    follower.cable.reconnect();
    await until(() => browser.cables[0].reconnects == 1, 'the leader reconnecting');
  });

  it('reports every error to every tab', async () => {
    const leader = browser.open();
    await until(() => browser.cables.length == 1, 'the leader’s cable');
    browser.cables[0].subscribe();
    const follower = browser.open();
    await until(() => follower.cable.state == 'connected', 'the follower connected');
    const errors: string[] = [];
    leader.cable.on('error', ({code}) => errors.push(`leader ${code}`));
    follower.cable.on('error', ({code}) => errors.push(`follower ${code}`));
    browser.cables[0].emit('error', {code: 'subscription-rejected', message: 'rejected', fatal: true});
    await until(() => errors.length == 2, 'the error in both tabs');
    expect(errors.sort()).to.deep.equal(['follower subscription-rejected', 'leader subscription-rejected']);
  });

  it('stops waiting for the lead when disposed: it never opens a socket', async () => {
    browser.open();
    await until(() => browser.cables.length == 1, 'the leader’s cable');
    const waiting = browser.open();
    waiting.cable.dispose();
    browser.tabs[0].cable.dispose();
    // A third tab leads at once: the disposed one left the queue.
    const third = browser.open();
    await until(() => third.cable.leading, 'the third tab leading');
    expect(browser.cables).to.have.length(2);
  });

  /** The cables not disposed of: the sockets open now. */
  const open = () => browser.cables.filter((cable) => !cable.disposed);

  it('gives up the lead when its page freezes: another tab leads within 2 s and backfills; resumed, the frozen tab follows', async () => {
    const {
      first,
      followers: [second, third],
    } = await leaderWithFollowers(2);

    const frozenAt = performance.now();
    first.page.freeze();
    expect(browser.cables[0].disposed, 'the frozen tab’s socket closed').to.equal(true);
    expect(first.cable.leading).to.equal(false);
    await until(() => browser.cables.length == 2, 'a new leader’s socket');
    expect(performance.now() - frozenAt).to.be.below(2000);
    browser.cables[1].subscribe();
    await until(() => [second, third].every((tab) => tab.subscribed.at(-1) === true), 'every live tab told to backfill');
    expect(open(), 'one socket').to.have.length(1);

    // (Frozen for real, it would have heard nothing meanwhile; here it heard all of it.)
    const heardBefore = first.subscribed.length;
    first.page.resume();
    await until(() => first.subscribed.length > heardBefore, 'the resumed tab hearing of the subscription');
    expect(first.subscribed.at(-1), 'it backfills what it missed while frozen').to.equal(true);
    expect(first.cable.leading).to.equal(false);
    expect(open(), 'still one socket').to.have.length(1);
    browser.cables[1].emit('event', created('After the freeze'));
    await until(() => browser.tabs.every((tab) => tab.heard.includes('After the freeze')), 'the event in every tab');
    expect(browser.tabs.map((tab) => tab.heard)).to.deep.equal([['After the freeze'], ['After the freeze'], ['After the freeze']]);
  });

  it('takes the lead from a leader that hangs (silent for 1.5 s) within 2 s; the hung tab stops leading and follows', async () => {
    const {
      first,
      followers: [second, third],
    } = await leaderWithFollowers(2);
    // Followers hear the heartbeat: a healthy leader keeps the lead however long.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(browser.cables, 'no takeover from a leader that beats').to.have.length(1);

    const hungAt = performance.now();
    first.page.hung = true; // its heartbeat stops; no lifecycle event
    await until(() => browser.cables.length >= 2, 'a new leader’s socket', 3000);
    expect(performance.now() - hungAt).to.be.below(2000);
    // Here the old leader runs on (only its clock stopped), so it hears at once that its lock was taken.
    await until(() => browser.cables[0].disposed, 'the hung leader’s socket closed');
    expect([first, second, third].filter((tab) => tab.cable.leading), 'one leader').to.have.length(1);
    expect(browser.cables, 'one takeover, not one per follower').to.have.length(2);
    browser.cables[1].subscribe();
    await until(() => browser.tabs.every((tab) => tab.subscribed.at(-1) === true), 'every tab told to backfill');

    browser.cables[1].emit('event', created('After the hang'));
    await until(() => browser.tabs.every((tab) => tab.heard.includes('After the hang')), 'the event in every tab');
    expect(browser.tabs.map((tab) => tab.heard.filter((text) => text == 'After the hang').length)).to.deep.equal([1, 1, 1]);
  });
});
