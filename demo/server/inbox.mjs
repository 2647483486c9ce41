// The demo inbox's settings, as a site owner edits them in Akece's dashboard (and here in the
// agent console): name, time zone, working hours, CSAT, identity validation (HMAC) and the
// greeting. `inboxShow` answers `GET /public/api/v1/inboxes/{inbox}` in Chatwoot's shape.
import {createHmac, randomBytes} from 'node:crypto';
import {HttpError, invalid} from './http.mjs';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * @typedef {{day_of_week: number, closed_all_day: boolean, open_hour: number | null,
 *   open_minutes: number | null, close_hour: number | null, close_minutes: number | null,
 *   open_all_day: boolean}} WorkingHours
 * @typedef {{name: string, timezone: string, working_hours_enabled: boolean,
 *   working_hours: WorkingHours[], csat_survey_enabled: boolean, greeting_enabled: boolean,
 *   greeting_message: string, hmac_mandatory: boolean, hmac_token: string}} InboxSettings
 */

/** `has_secure_token :hmac_token`: 24 base58 characters. */
export const newHmacToken = () => [...randomBytes(24)].map((byte) => BASE58[byte % 58]).join('');

/** Monday to Friday, 09:00–17:00; closed at the weekend. @param {number} day */
const defaultDay = (day) => {
  const closed = day === 0 || day === 6;
  return {
    day_of_week: day,
    closed_all_day: closed,
    open_hour: closed ? null : 9,
    open_minutes: closed ? null : 0,
    close_hour: closed ? null : 17,
    close_minutes: closed ? null : 0,
    open_all_day: false,
  };
};

/** @returns {InboxSettings} */
export const defaultInbox = () => ({
  name: 'Akece Demo Shop',
  timezone: 'UTC',
  working_hours_enabled: false,
  working_hours: [0, 1, 2, 3, 4, 5, 6].map(defaultDay),
  csat_survey_enabled: false,
  greeting_enabled: false,
  greeting_message: '',
  hmac_mandatory: false,
  hmac_token: newHmacToken(),
});

/** The public inbox answer, field for field as `public/api/v1/inboxes/show.json.jbuilder`. @param {string} identifier @param {InboxSettings} inbox */
export function inboxShow(identifier, inbox) {
  return {
    identifier,
    identity_validation_enabled: inbox.hmac_mandatory,
    name: inbox.name,
    timezone: inbox.timezone,
    working_hours: inbox.working_hours.map((day) => ({...day})),
    working_hours_enabled: inbox.working_hours_enabled,
    csat_survey_enabled: inbox.csat_survey_enabled,
    greeting_enabled: inbox.greeting_enabled,
  };
}

/** What the agent API shows and edits: the public fields plus the greeting text and the HMAC key. @param {string} identifier @param {InboxSettings} inbox */
export const inboxSettings = (identifier, inbox) => ({
  ...inboxShow(identifier, inbox),
  greeting_message: inbox.greeting_message,
  hmac_token: inbox.hmac_token,
});

/** `hex(HMAC-SHA256(key = inbox hmac_token, message = identifier))`. @param {string} token @param {unknown} identifier */
export const identifierHash = (token, identifier) => createHmac('sha256', token).update(String(identifier ?? '')).digest('hex');

/**
 * `ContactsController#process_hmac`: the check runs when a hash is sent or the inbox makes it
 * mandatory; a failure is a bare StandardError in Rails, so a 500 with Rails' generic body.
 * @param {InboxSettings} inbox @param {Record<string, unknown>} params
 * @returns {boolean} whether the request was signed and the signature holds
 */
export function processHmac(inbox, params) {
  const hash = params.identifier_hash;
  const blank = hash === undefined || hash === null || hash === '';
  if (blank && !inbox.hmac_mandatory) return false;
  if (typeof hash !== 'string' || hash !== identifierHash(inbox.hmac_token, params.identifier)) {
    throw new HttpError(500, {status: 500, error: 'Internal Server Error'});
  }
  return true;
}

const TIME_ZONE_CHECK = (/** @type {string} */ zone) => {
  try {
    new Intl.DateTimeFormat('en', {timeZone: zone});
    return true;
  } catch {
    return false;
  }
};

/** @param {unknown} value @param {number} max */
const hourOrMinute = (value, max) => {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) throw invalid('Working hours are not valid', ['working_hours']);
  return number;
};

/** @param {unknown} entry @returns {WorkingHours} */
function workingDay(entry) {
  const day = /** @type {Record<string, unknown>} */ (entry && typeof entry === 'object' ? entry : {});
  const dayOfWeek = Number(day.day_of_week);
  if (!Number.isInteger(dayOfWeek) || dayOfWeek < 0 || dayOfWeek > 6) throw invalid('Day of week is not valid', ['working_hours']);
  const closed = day.closed_all_day === true;
  const allDay = !closed && day.open_all_day === true;
  const times = closed || allDay;
  const hours = {
    day_of_week: dayOfWeek,
    closed_all_day: closed,
    open_hour: times ? (allDay ? 0 : null) : hourOrMinute(day.open_hour, 23),
    open_minutes: times ? (allDay ? 0 : null) : hourOrMinute(day.open_minutes ?? 0, 59),
    close_hour: times ? (allDay ? 23 : null) : hourOrMinute(day.close_hour, 23),
    close_minutes: times ? (allDay ? 59 : null) : hourOrMinute(day.close_minutes ?? 0, 59),
    open_all_day: allDay,
  };
  if (!times) {
    if (hours.open_hour === null || hours.close_hour === null) throw invalid('Working hours need an opening and a closing time', ['working_hours']);
    // Chatwoot's `validate_working_hours`: the day must close after it opens.
    if (hours.close_hour * 60 + Number(hours.close_minutes) <= hours.open_hour * 60 + Number(hours.open_minutes)) {
      throw invalid('Working hours Closing time cannot be before opening time', ['working_hours']);
    }
  }
  return hours;
}

/**
 * Apply an edit from the agent API; unknown fields are ignored, bad values are a 422.
 * @param {InboxSettings} inbox @param {Record<string, unknown>} fields
 */
export function updateInbox(inbox, fields) {
  if (fields.name !== undefined) {
    const name = String(fields.name).trim();
    if (!name) throw invalid("Name can't be blank", ['name']);
    inbox.name = name.slice(0, 255);
  }
  if (fields.timezone !== undefined) {
    const zone = String(fields.timezone);
    if (!TIME_ZONE_CHECK(zone)) throw invalid('Timezone is not included in the list', ['timezone']);
    inbox.timezone = zone;
  }
  if (fields.working_hours !== undefined) {
    if (!Array.isArray(fields.working_hours)) throw invalid('Working hours are not valid', ['working_hours']);
    const next = inbox.working_hours.map((day) => ({...day}));
    for (const entry of fields.working_hours) {
      const day = workingDay(entry);
      next[day.day_of_week] = day;
    }
    inbox.working_hours = next;
  }
  /** @param {'working_hours_enabled' | 'csat_survey_enabled' | 'greeting_enabled' | 'hmac_mandatory'} key @param {string} field */
  const flag = (key, field) => {
    if (fields[field] !== undefined) inbox[key] = fields[field] === true || fields[field] === 'true';
  };
  flag('working_hours_enabled', 'working_hours_enabled');
  flag('csat_survey_enabled', 'csat_survey_enabled');
  flag('greeting_enabled', 'greeting_enabled');
  flag('hmac_mandatory', 'identity_validation_enabled');
  flag('hmac_mandatory', 'hmac_mandatory');
  if (fields.greeting_message !== undefined) inbox.greeting_message = String(fields.greeting_message ?? '').slice(0, 10000);
  if (fields.hmac_token !== undefined) {
    const token = String(fields.hmac_token);
    if (!/^[A-Za-z0-9_-]{8,128}$/.test(token)) throw invalid('Hmac token is not valid', ['hmac_token']);
    inbox.hmac_token = token;
  }
  return inbox;
}
