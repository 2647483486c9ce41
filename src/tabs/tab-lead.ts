// Which tab leads the others for one job (contract §10, "Several tabs"): the socket
// (src/tabs/tab-cable.ts) or the posting of the shared outbox (src/tabs/outbox-mirror.ts). The
// tabs queue for a Web Lock; the tab holding it leads. The browser hands the lock on when the
// leading tab closes, but not when it freezes or hangs, so:
// - a page about to be frozen (Page Lifecycle `freeze`: a background tab the browser suspends)
//   gives the lead up at once and leaves the queue; on `resume` it queues again, as a follower;
// - the leader says it is alive on a BroadcastChannel every BEAT_MS; a follower that hears nothing
//   for SILENCE_MS takes the lock (`steal`); a second lock lets only one follower do so. The hung
//   leader, once it runs again, learns it lost the lead (its lock request rejects, or it hears a
//   newer leader) and follows at once.
// So the lead moves within 2 s and, but for a tab that hangs mid-way (which can do nothing till it
// wakes), two tabs never lead at once.

/** How often the leading tab says it is alive. */
export const BEAT_MS = 500;
/** How often a follower looks whether the leader is silent. */
const LOOK_MS = 250;
/** A visible leader silent this long (plus up to JITTER_MS) has hung: a follower takes the lead (within 2 s). */
export const SILENCE_MS = 1200;
const JITTER_MS = 200;
/**
 * A hidden leader's timers run once a second at most (more seldom after minutes hidden), so a
 * visible follower gives it longer, and a hidden follower, whose visitor is not looking either,
 * waits out Chrome's once-a-minute wake-ups. (A hidden tab the browser suspends says so first,
 * with `freeze`.)
 */
const HIDDEN_LEADER_SILENCE_MS = 2500;
const ALL_HIDDEN_SILENCE_MS = 65_000;

/** What a tab does when it starts or stops leading. */
export interface LeadRoles {
  /** This tab leads from now on (until `follow`, or dispose()). */
  lead(): void;
  /** This tab leads no more: its page froze, or a tab took over from it while it hung. */
  follow(): void;
  /** The page runs again after a freeze (it missed what the tabs said meanwhile). */
  resumed?(): void;
}

/** Where a tab's lead runs: its timers and its page (a test stops one tab's clock to hang it, or freezes one tab's page). */
export interface LeadPage {
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  /** Where the page's lifecycle events (`freeze`, `resume`) and `visibilitychange` fire. */
  readonly document: EventTarget | null;
}

/** The page this script runs in. */
export const thisPage: LeadPage = {
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
  document: typeof document == 'undefined' ? null : document,
};

/** The leader's heartbeat: `since` when it took the lead (a newer leader took it from an older one). */
interface Beat {
  from: string;
  since: number;
  visible: boolean;
}

const pageVisible = () => typeof document == 'undefined' || document.visibilityState != 'hidden';

/** One tab's place among the tabs that share the lock `name`. */
export class TabLead {
  readonly #name: string;
  readonly #roles: LeadRoles;
  readonly #id = Math.random().toString(36).slice(2);
  readonly #channel: BroadcastChannel;
  readonly #stopTicking: () => void;
  /** Followers noticing the same silence do not all try at the same moment. */
  readonly #jitter = Math.random() * JITTER_MS;
  /** This tab's current hold of the lock (a new object per grant): a rejection of an older one is ignored. */
  #term: object | null = null;
  /** Ends this tab's hold of the lock. */
  #release: () => void = () => {};
  /** Cancels the request of a tab waiting in the queue. */
  #queued: AbortController | null = null;
  #stealing = false;
  #since = 0;
  #lastSaid = 0;
  #lastBeat = Date.now();
  #leaderVisible = true;
  #frozen = false;
  #disposed = false;

  readonly #page: LeadPage;

  constructor(name: string, roles: LeadRoles, page: LeadPage = thisPage) {
    this.#name = name;
    this.#roles = roles;
    const channel = (this.#channel = new BroadcastChannel(`${name}:lead`));
    channel.onmessage = ({data}: MessageEvent<Beat>) => this.#heard(data);
    this.#page = page;
    this.#stopTicking = page.every(LOOK_MS, () => this.#tick());
    page.document?.addEventListener('freeze', this.#freeze);
    page.document?.addEventListener('resume', this.#resume);
    page.document?.addEventListener('visibilitychange', this.#beat);
    this.#queue();
  }

  get leading(): boolean {
    return this.#term != null;
  }

  /** Leaves: the lead (if held) goes to the next tab in the queue; `follow` is not called. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#stopTicking();
    this.#queued?.abort();
    this.#term = null;
    this.#release();
    this.#channel.close();
    this.#page.document?.removeEventListener('freeze', this.#freeze);
    this.#page.document?.removeEventListener('resume', this.#resume);
    this.#page.document?.removeEventListener('visibilitychange', this.#beat);
  }

  #queue() {
    const queued = (this.#queued = new AbortController());
    this.#request({signal: queued.signal});
  }

  /**
   * The leader is silent: this tab takes the lock from it, unless another follower is doing so
   * (it holds the takeover lock until its heartbeat has surely been heard). A steal cannot be
   * cancelled: a tab disposed of meanwhile lets go at once.
   */
  #steal() {
    this.#stealing = true;
    navigator.locks
      .request(`${this.#name}:takeover`, {ifAvailable: true}, async (takeover) => {
        if (!takeover || this.#disposed || this.#frozen || Date.now() - this.#lastBeat < this.#patience()) {
          this.#stealing = false;
          return;
        }
        this.#queued?.abort();
        this.#queued = null;
        await this.#request({steal: true});
        await new Promise((resolve) => setTimeout(resolve, BEAT_MS));
      })
      .catch(() => (this.#stealing = false));
  }

  /** Asks for the lock; resolves once it is granted (or the request failed). */
  #request(options: LockOptions): Promise<void> {
    const term = {};
    return new Promise((answered) => {
      navigator.locks
        .request(this.#name, options, () => {
          answered();
          return this.#granted(term);
        })
        .catch(() => {
          answered();
          // Aborted (this tab left the queue), or stolen while this tab led: it follows from now on.
          if (this.#term === term) this.#lost();
        });
    });
  }

  #granted(term: object): Promise<void> | undefined {
    this.#stealing = false;
    this.#queued = null;
    if (this.#disposed || this.#frozen) return undefined; // let go at once
    this.#term = term;
    this.#since = Date.now();
    const held = new Promise<void>((resolve) => (this.#release = resolve));
    this.#beat();
    this.#roles.lead();
    return held;
  }

  /** This tab stops leading (it keeps its place among the followers unless frozen or disposed). */
  #stepDown() {
    if (!this.#term) return;
    this.#term = null;
    this.#release();
    this.#roles.follow();
  }

  /** Another tab took the lead from this one: it follows, and queues again. */
  #lost() {
    this.#stepDown();
    this.#lastBeat = Date.now();
    if (!this.#disposed && !this.#frozen && !this.#queued && !this.#stealing) this.#queue();
  }

  /** How long a silence this follower waits out. */
  #patience(): number {
    return (this.#leaderVisible ? SILENCE_MS : pageVisible() ? HIDDEN_LEADER_SILENCE_MS : ALL_HIDDEN_SILENCE_MS) + this.#jitter;
  }

  #tick() {
    if (this.#disposed || this.#frozen) return;
    if (this.#term) {
      if (Date.now() - this.#lastSaid >= BEAT_MS - LOOK_MS / 2) this.#beat();
      return;
    }
    if (!this.#stealing && Date.now() - this.#lastBeat > this.#patience()) this.#steal();
  }

  readonly #beat = () => {
    if (!this.#term || this.#frozen) return;
    this.#lastSaid = Date.now();
    this.#channel.postMessage({from: this.#id, since: this.#since, visible: pageVisible()} satisfies Beat);
  };

  #heard(beat: Beat) {
    if (this.#term) {
      // A leader newer than this one took the lock from it (this tab hung, or is about to hear the rejection).
      if (beat.since > this.#since || (beat.since == this.#since && beat.from > this.#id)) this.#lost();
      return;
    }
    this.#lastBeat = Date.now();
    this.#leaderVisible = beat.visible;
  }

  /** The page is about to be frozen: it can lead nothing, nor wait for the lock, until it resumes. */
  readonly #freeze = () => {
    if (this.#disposed) return;
    this.#frozen = true;
    this.#queued?.abort();
    this.#queued = null;
    this.#stepDown();
  };

  readonly #resume = () => {
    if (this.#disposed || !this.#frozen) return;
    this.#frozen = false;
    this.#lastBeat = Date.now();
    this.#roles.resumed?.();
    if (!this.#stealing) this.#queue();
  };
}
