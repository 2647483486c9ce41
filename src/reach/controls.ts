// The panel's toggles for being reached (contract §10): mute the chime, turn notifications on.
// Drawn in the panel's header by src/chat/panel-view.ts once this chunk is there.
import {html, nothing} from 'lit';
import type {Catalogue} from '../i18n/en.js';
import {ReachSettings, type ReachHost} from './reach-settings.js';
import {bellIcon, mutedIcon, soundIcon} from './icons.js';

/**
 * `sound-toggle` (pressed: muted) unless the page turned sound off; `notifications-toggle`
 * (pressed: on and allowed) when the page turned notifications on. The browser's permission is
 * asked for only from that button's click.
 */
export function renderReachControls(host: ReachHost, strings: Catalogue) {
  const settings = ReachSettings.for(host);
  return html`${settings.sound
    ? html`<button part="sound-toggle" class="icon-button" aria-pressed=${settings.muted} aria-label=${strings.sound_mute} @click=${() => (settings.muted = !settings.muted)}>
        ${settings.muted ? mutedIcon : soundIcon}
      </button>`
    : nothing}
  ${settings.notifications ? renderNotificationsToggle(host, settings, strings) : nothing}`;
}

function renderNotificationsToggle(host: ReachHost, settings: ReachSettings, strings: Catalogue) {
  const permission = Notification.permission;
  const denied = permission == 'denied';
  const on = settings.notify && permission == 'granted';
  const toggle = async () => {
    if (denied) return;
    if (on) {
      settings.notify = false;
      return;
    }
    const answer = permission == 'granted' ? permission : await Notification.requestPermission();
    settings.notify = answer == 'granted';
    host.requestUpdate(); // a refusal changes the button too
  };
  return html`<button
    part="notifications-toggle"
    class="icon-button"
    aria-pressed=${on}
    aria-disabled=${denied ? 'true' : 'false'}
    aria-label=${strings.notifications_on}
    title=${denied ? strings.notifications_denied : on ? strings.notifications_enabled : strings.notifications_on}
    @click=${toggle}
  >
    ${bellIcon}
  </button>`;
}
