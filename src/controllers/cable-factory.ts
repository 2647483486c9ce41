// How the session's cable is made: one socket per browser for a contact (src/tabs/), unless the
// page keeps nothing (`storage="none"`) or the browser cannot share.
import {Cable} from '../protocol/cable.js';
import type {SessionOptions, StorageLike} from '../state/chat-session.js';
import {TabCable, canShareAcrossTabs} from '../tabs/tab-cable.js';

type CableOptions = Parameters<SessionOptions['createCable']>[0];

/** Whether the tabs of this visitor share one socket (and tell each other what was seen). */
export const sharesAcrossTabs = (storage: StorageLike | null) => storage != null && canShareAcrossTabs();

export function cableFactory(storage: StorageLike | null): SessionOptions['createCable'] {
  const ownCable = (cableOptions: CableOptions) => new Cable(cableOptions);
  return sharesAcrossTabs(storage) ? (cableOptions) => new TabCable(cableOptions, ownCable) : ownCable;
}
