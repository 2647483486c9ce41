import type {Intent} from './intent.js';

/** The visitor dismissed the message previews beside the closed launcher. */
export type AkecePreviewDismissRequestEvent = Intent;

declare global {
  interface HTMLElementEventMap {
    'akece-preview-dismiss-request': AkecePreviewDismissRequestEvent;
  }
}
