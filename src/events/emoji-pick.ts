import type {Intent} from './intent.js';

/**
 * The visitor chose an emoji in the picker. Unlike the intents, this one neither bubbles nor is
 * composed: it is meant for the composer that holds the picker, which listens on it directly.
 */
export type AkeceEmojiPickEvent = Intent<{emoji: string}>;

/** The visitor left the picker with Escape: its composer closes it and returns to the text field. */
export type AkeceEmojiCloseEvent = Intent;

declare global {
  interface HTMLElementEventMap {
    'akece-emoji-pick': AkeceEmojiPickEvent;
    'akece-emoji-close': AkeceEmojiCloseEvent;
  }
}
