// The reply chime, synthesised with the Web Audio API: two soft sine notes, no audio file to
// download, pin or allow in a CSP.

/** The two notes (A5 then E6) and when each starts, in seconds from the chime's start. */
const NOTES = [
  {frequency: 880, at: 0},
  {frequency: 1318.5, at: 0.12},
];
/** Each note rises in 20 ms and fades out over 0.35 s: short enough not to startle. */
const ATTACK = 0.02;
const LENGTH = 0.35;
const VOLUME = 0.2;

/** Plays the chime; its AudioContext is made on the first chime (after a user activation) and closed by `dispose()`. */
export class Chime {
  #context: AudioContext | null = null;

  play() {
    const context = (this.#context ??= new AudioContext());
    // A context made before the page had a user activation starts suspended.
    if (context.state == 'suspended') context.resume().catch(() => {});
    const start = context.currentTime + 0.01;
    for (const note of NOTES) {
      const oscillator = context.createOscillator();
      const envelope = context.createGain();
      const at = start + note.at;
      oscillator.frequency.value = note.frequency;
      envelope.gain.setValueAtTime(0.0001, at);
      envelope.gain.exponentialRampToValueAtTime(VOLUME, at + ATTACK);
      envelope.gain.exponentialRampToValueAtTime(0.0001, at + LENGTH);
      oscillator.connect(envelope).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + LENGTH + 0.05);
    }
  }

  dispose() {
    this.#context?.close().catch(() => {});
    this.#context = null;
  }
}
