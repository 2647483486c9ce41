// Keeps the thread on its newest message while the agent is at the bottom, also when the
// content grows later (an image or audio player loading), and shows a "new messages" marker
// when something arrives while the agent reads further up.

const NEAR_BOTTOM_PX = 48;

export class ThreadFollower {
  /**
   * @param {HTMLElement} scroller the scrolling list
   * @param {HTMLButtonElement} marker the "new messages" button, hidden while pinned
   */
  constructor(scroller, marker) {
    this.scroller = scroller;
    this.marker = marker;
    /** Whether the agent is at the bottom: new content scrolls into view. */
    this.pinned = true;
    this.unseen = 0;
    scroller.addEventListener('scroll', () => this.#onScroll(), {passive: true});
    marker.addEventListener('click', () => this.scrollToBottom());
    // Content that grows after it is drawn (images, players) keeps a pinned thread at the bottom.
    this.resizeObserver = new ResizeObserver(() => {
      if (this.pinned) this.#toBottom();
    });
    this.#render();
  }

  /** Watch a freshly drawn list's children for size changes. @param {Iterable<Element>} children */
  observe(children) {
    this.resizeObserver.disconnect();
    for (const child of children) this.resizeObserver.observe(child);
  }

  /** After the thread was redrawn: follow it, or count what arrived below. @param {number} arrived new messages from the other side */
  afterRender(arrived = 0) {
    if (this.pinned) this.#toBottom();
    else if (arrived > 0) this.unseen += arrived;
    this.#render();
  }

  /** A different conversation was opened: start at its bottom. */
  reset() {
    this.pinned = true;
    this.unseen = 0;
    this.#toBottom();
    this.#render();
  }

  scrollToBottom() {
    this.pinned = true;
    this.unseen = 0;
    this.#toBottom();
    this.#render();
  }

  get atBottom() {
    const {scrollHeight, scrollTop, clientHeight} = this.scroller;
    return scrollHeight - scrollTop - clientHeight <= NEAR_BOTTOM_PX;
  }

  #toBottom() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  #onScroll() {
    this.pinned = this.atBottom;
    if (this.pinned) this.unseen = 0;
    this.#render();
  }

  #render() {
    this.marker.hidden = this.pinned || this.unseen === 0;
    this.marker.textContent = this.unseen === 1 ? '1 new message ↓' : `${this.unseen} new messages ↓`;
  }
}
