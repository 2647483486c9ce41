// Typing, both ways: the agent's indicator (from socket events) and the visitor's own status
// (sent to the server while they type).

import type {AgentTypist} from './chat-state.js';

/** An agent's indicator goes away on its own after this long without a `typing_off`. */
export const AGENT_TYPING_TIMEOUT_MS = 30_000;
/** The visitor is no longer typing after this long without a keystroke. */
export const VISITOR_IDLE_MS = 4_000;

/** A timer slot the typing objects restart and stop. */
export interface TimerSlot {
  start(delay: number, callback: () => void): void;
  stop(): void;
}

/** Shows the typing agent and hides them after a `typing_off`, their message, or 30 s. */
export class AgentTyping {
  constructor(
    private readonly timer: TimerSlot,
    private readonly show: (typist: AgentTypist | null) => void
  ) {}

  started(typist: AgentTypist): void {
    this.show(typist);
    this.timer.start(AGENT_TYPING_TIMEOUT_MS, () => this.show(null));
  }

  stopped(): void {
    this.show(null);
    this.timer.stop();
  }
}

/** Sends `on` once when the visitor starts typing, and `off` after 4 s idle or when told. */
export class VisitorTyping {
  private typing = false;

  constructor(
    private readonly timer: TimerSlot,
    private readonly send: (typing: boolean) => void
  ) {}

  set(typing: boolean): void {
    if (typing) this.timer.start(VISITOR_IDLE_MS, () => this.set(false));
    else this.timer.stop();
    if (typing == this.typing) return;
    this.typing = typing;
    this.send(typing);
  }

  /** Forgets what was sent (a new contact starts not typing). */
  forget(): void {
    this.typing = false;
    this.timer.stop();
  }
}
