// The inbox's public settings (`GET /public/api/v1/inboxes/{inbox}`, protocol §5.3): its name,
// working hours and whether it requires a verified identity. Read once per page: every element
// on the page that shows this inbox shares the one answer (contract §11).
import type {WorkingDay} from '../i18n/office-hours.js';

/** What the widget reads of the inbox answer; every field is checked where it is read. */
export interface InboxDto {
  readonly name?: unknown;
  readonly timezone?: unknown;
  readonly working_hours_enabled?: unknown;
  readonly working_hours?: unknown;
  readonly identity_validation_enabled?: unknown;
  readonly [key: string]: unknown;
}

/** The inbox's settings as the widget uses them. */
export interface InboxSettings {
  /** The inbox's name ('' when it has none). */
  name: string;
  /** The IANA zone its working hours are in (undefined: the visitor's own). */
  timeZone: string | undefined;
  /** Working hours, when the inbox has them switched on; else null (always in). */
  workingHours: readonly WorkingDay[] | null;
  /** A contact must come with `identifier` and `identifier_hash` (HMAC). */
  identityRequired: boolean;
}

const TIMEOUT_MS = 15_000;

/** A JSON object (not null, not an array). Its own check, not types.ts's: that module is the session's chunk, which opening the panel does not load. */
const isObject = (value: unknown): value is Record<string, unknown> => typeof value == 'object' && value != null && !Array.isArray(value);

/** Reads the fields the widget uses, ignoring anything of the wrong type. */
export function toInboxSettings(answer: InboxDto): InboxSettings {
  const hours = Array.isArray(answer.working_hours) ? answer.working_hours.filter((day): day is WorkingDay => isObject(day) && Number.isInteger(day.day_of_week)) : [];
  return {
    name: typeof answer.name == 'string' ? answer.name : '',
    timeZone: typeof answer.timezone == 'string' && answer.timezone ? answer.timezone : undefined,
    workingHours: answer.working_hours_enabled === true ? hours : null,
    identityRequired: answer.identity_validation_enabled === true,
  };
}

/** One read per inbox URL and page; a failed read is forgotten so that the next need tries again. */
const reads = new Map<string, Promise<InboxSettings>>();

/** The inbox's settings, read once per page (rejects when the server cannot say). */
export function readInbox(baseUrl: string, inboxIdentifier: string): Promise<InboxSettings> {
  const url = `${baseUrl.replace(/\/+$/, '')}/public/api/v1/inboxes/${encodeURIComponent(inboxIdentifier)}`;
  let read = reads.get(url);
  if (!read) {
    read = fetch(url, {signal: AbortSignal.timeout(TIMEOUT_MS)})
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`Inbox: ${response.status}`))))
      .then((answer: unknown) => (isObject(answer) ? toInboxSettings(answer) : Promise.reject(new Error('Inbox: bad response'))));
    reads.set(url, read);
    read.catch(() => reads.delete(url));
  }
  return read;
}
