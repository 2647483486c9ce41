// How a message relates to the one shown before it: whether it starts a new day (a separator
// above it) and whether it starts a new group (its sender's name and time above it). Pure
// functions of a row and its previous row, so a window of rows can be rendered on its own.
import type {Message} from '../../state/model.js';

/** A pause longer than this between two messages of one sender starts a new group. */
export const GROUP_PAUSE_MS = 5 * 60 * 1000;

/** Local calendar day of a unix-ms time, as one comparable number. */
const dayOf = (time: number) => {
  const date = new Date(time);
  return date.getFullYear() * 10000 + date.getMonth() * 100 + date.getDate();
};

/** `message` was sent on another local day than `previous` (the first message starts a day). */
export const startsDay = (message: Message, previous: Message | undefined) =>
  !previous || (message.createdAt > 0 && previous.createdAt > 0 && dayOf(message.createdAt) != dayOf(previous.createdAt));

/** Both messages come from the same sender: same role, and the same sender type and id. */
const sameSender = (message: Message, previous: Message) =>
  message.role == previous.role &&
  (message.role == 'visitor' || (message.sender?.type ?? '') == (previous.sender?.type ?? '')) &&
  (message.role == 'visitor' || message.sender?.id == previous.sender?.id);

/**
 * `message` starts a group: the first message, after a status note, another sender (a bot and
 * an agent with one id are two senders), a new day, or a pause of more than five minutes.
 */
export const startsGroup = (message: Message, previous: Message | undefined) =>
  !previous ||
  previous.body.type == 'status' ||
  !sameSender(message, previous) ||
  startsDay(message, previous) ||
  message.createdAt - previous.createdAt > GROUP_PAUSE_MS;

/**
 * The label of the day separator: "Today", "Yesterday" (in `locale`, through
 * Intl.RelativeTimeFormat), else the date (with its year when it is not this year's).
 */
export const dayLabel = (time: number, now: number, locale?: string) => {
  const days = Math.round((startOfDay(now) - startOfDay(time)) / 86_400_000);
  if (days == 0 || days == 1) {
    const word = new Intl.RelativeTimeFormat(locale, {numeric: 'auto'}).format(-days, 'day');
    return word.charAt(0).toLocaleUpperCase(locale) + word.slice(1);
  }
  const sameYear = new Date(time).getFullYear() == new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : {year: 'numeric'})}).format(time);
};

const startOfDay = (time: number) => {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
};
