// The inbox settings a site owner would set in Akece's dashboard: name, time zone, working
// hours per day, the CSAT survey, identity validation (with the inbox's HMAC key, and a helper
// that signs an identifier with it) and the greeting. Saved through PATCH /agent/api/inbox.
import {h} from './dom.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** @param {number | null} hour @param {number | null} minutes */
const clock = (hour, minutes) => (hour === null ? '' : `${String(hour).padStart(2, '0')}:${String(minutes ?? 0).padStart(2, '0')}`);

/** @returns {string[]} */
function timeZones() {
  const intl = /** @type {{supportedValuesOf?: (key: string) => string[]}} */ (Intl);
  return intl.supportedValuesOf ? ['UTC', ...intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')] : ['UTC'];
}

export class InboxSettings {
  /** @param {import('./api.js').AgentApi} api */
  constructor(api) {
    this.api = api;
    /** @type {any} */
    this.inbox = null;
    this.dialog = /** @type {HTMLDialogElement} */ (h('dialog', {class: 'settings', 'aria-labelledby': 'inbox-settings-title'}));
    document.body.append(this.dialog);
  }

  async open() {
    this.inbox = await this.api.request('/inbox');
    this.#render();
    this.dialog.showModal();
  }

  close() {
    this.dialog.close();
  }

  dispose() {
    this.dialog.remove();
  }

  #render() {
    const inbox = this.inbox;
    const field = (/** @type {string} */ name, /** @type {Record<string, unknown>} */ props = {}) => h('input', {name, ...props});
    const check = (/** @type {string} */ name, /** @type {boolean} */ on, /** @type {string} */ label) =>
      h('label', {}, field(name, {type: 'checkbox', checked: on}), label);
    const zones = timeZones();
    if (!zones.includes(inbox.timezone)) zones.unshift(inbox.timezone);
    const error = h('p', {class: 'error', role: 'alert', hidden: true});
    const hashOut = h('code', {'data-ref': 'hash'});
    const identifierInput = /** @type {HTMLInputElement} */ (field('sign_identifier', {type: 'text', placeholder: 'user-1042', 'aria-label': 'Identifier to sign'}));
    const form = h(
      'form',
      {method: 'dialog'},
      h('h2', {id: 'inbox-settings-title'}, 'Inbox settings'),
      h('label', {}, 'Name ', field('name', {type: 'text', value: inbox.name, required: true})),
      h('label', {}, 'Time zone ', h('select', {name: 'timezone'}, ...zones.map((zone) => h('option', {value: zone, selected: zone === inbox.timezone}, zone)))),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Working hours'),
        check('working_hours_enabled', inbox.working_hours_enabled, ' Show when the team is in (the widget says when it is back)'),
        h(
          'div',
          {class: 'hours'},
          ...inbox.working_hours.flatMap((/** @type {any} */ day) => {
            const mode = day.closed_all_day ? 'closed' : day.open_all_day ? 'all-day' : 'hours';
            return [
              h('span', {}, DAYS[day.day_of_week]),
              h(
                'select',
                {name: `mode-${day.day_of_week}`, 'aria-label': `${DAYS[day.day_of_week]}: open`},
                h('option', {value: 'hours', selected: mode === 'hours'}, 'Open'),
                h('option', {value: 'all-day', selected: mode === 'all-day'}, 'All day'),
                h('option', {value: 'closed', selected: mode === 'closed'}, 'Closed')
              ),
              field(`open-${day.day_of_week}`, {type: 'time', value: clock(day.open_hour, day.open_minutes), 'aria-label': `${DAYS[day.day_of_week]}: opens at`}),
              field(`close-${day.day_of_week}`, {type: 'time', value: clock(day.close_hour, day.close_minutes), 'aria-label': `${DAYS[day.day_of_week]}: closes at`}),
            ];
          })
        )
      ),
      h('fieldset', {}, h('legend', {}, 'After a conversation'), check('csat_survey_enabled', inbox.csat_survey_enabled, ' Send a satisfaction survey (CSAT) when a conversation is resolved')),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Identity validation'),
        check('identity_validation_enabled', inbox.identity_validation_enabled, ' Only signed-in visitors (identifier + identifier_hash)'),
        h('p', {class: 'hint'}, 'Your server signs each visitor: identifier_hash = hex(HMAC-SHA256(key, identifier)). A signed visitor sees their conversations on every device.'),
        h('p', {}, 'HMAC key: ', h('code', {'data-ref': 'hmac-token'}, inbox.hmac_token), ' ', h('button', {type: 'button', 'data-ref': 'new-key', onclick: () => this.#newKey()}, 'New key')),
        h('p', {}, identifierInput, ' ', h('button', {type: 'button', onclick: () => this.#sign(identifierInput.value, hashOut, error)}, 'Sign'), ' ', hashOut)
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Greeting'),
        check('greeting_enabled', inbox.greeting_enabled, ' Greet new visitors'),
        h('label', {}, 'Message ', field('greeting_message', {type: 'text', value: inbox.greeting_message ?? '', size: 40}))
      ),
      error,
      h('div', {class: 'buttons'}, h('button', {type: 'button', onclick: () => this.close()}, 'Cancel'), h('button', {type: 'submit', class: 'primary'}, 'Save'))
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save(/** @type {HTMLFormElement} */ (form)).catch((failure) => {
        error.textContent = failure instanceof Error ? failure.message : String(failure);
        error.hidden = false;
      });
    });
    this.dialog.replaceChildren(form);
  }

  /** Read the form into the agent API's fields and save them. @param {HTMLFormElement} form */
  async save(form) {
    const data = new FormData(form);
    const on = (/** @type {string} */ name) => data.get(name) === 'on';
    const time = (/** @type {string} */ name) => {
      const [hour, minutes] = String(data.get(name) ?? '').split(':').map(Number);
      return Number.isInteger(hour) ? {hour, minutes: minutes || 0} : {hour: null, minutes: null};
    };
    const working_hours = DAYS.map((_, day) => {
      const mode = data.get(`mode-${day}`);
      const open = time(`open-${day}`);
      const close = time(`close-${day}`);
      return {
        day_of_week: day,
        closed_all_day: mode === 'closed',
        open_all_day: mode === 'all-day',
        open_hour: open.hour,
        open_minutes: open.minutes,
        close_hour: close.hour,
        close_minutes: close.minutes,
      };
    });
    this.inbox = await this.api.request('/inbox', {
      method: 'PATCH',
      body: {
        name: data.get('name'),
        timezone: data.get('timezone'),
        working_hours_enabled: on('working_hours_enabled'),
        working_hours,
        csat_survey_enabled: on('csat_survey_enabled'),
        identity_validation_enabled: on('identity_validation_enabled'),
        greeting_enabled: on('greeting_enabled'),
        greeting_message: data.get('greeting_message') ?? '',
      },
    });
    this.close();
  }

  async #newKey() {
    if (!window.confirm('A new key makes every hash signed with the old one invalid. Continue?')) return;
    this.inbox = await this.api.request('/inbox/hmac_token', {method: 'POST'});
    const shown = this.dialog.querySelector('[data-ref="hmac-token"]');
    if (shown) shown.textContent = this.inbox.hmac_token;
  }

  /** @param {string} identifier @param {HTMLElement} out @param {HTMLElement} error */
  async #sign(identifier, out, error) {
    if (!identifier.trim()) return;
    try {
      const signed = await this.api.request(`/identifier_hash?identifier=${encodeURIComponent(identifier.trim())}`);
      out.textContent = signed.identifier_hash;
    } catch (failure) {
      error.textContent = failure instanceof Error ? failure.message : String(failure);
      error.hidden = false;
    }
  }
}
