// What a person would read in place of raw data: a bot answer as the choice, the email or the
// rating; a file size in KB or MB; a time as "14:05" today or "Mon 14:05" this week.

/** @param {number} bytes */
export function formatBytes(bytes) {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** @param {unknown} value */
const text = (value) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * The visitor's answer to a bot message or survey, as a sentence; null when there is none.
 * @param {{content_type?: string, content_attributes?: Record<string, any>}} message
 */
export function describeAnswer(message) {
  const attributes = message.content_attributes ?? {};
  const values = attributes.submitted_values;
  if (message.content_type === 'input_csat') {
    const response = values?.csat_survey_response;
    if (!response || typeof response !== 'object') return null;
    const rating = Number(response.rating);
    const feedback = text(response.feedback_message).trim();
    const stars = Number.isFinite(rating) && rating >= 1 && rating <= 5 ? `Rated ${rating}` : 'Rated';
    return feedback ? `${stars} · “${feedback}”` : stars;
  }
  if (message.content_type === 'input_email') {
    const email = attributes.submitted_email ?? (Array.isArray(values) ? values[0]?.value : values?.value ?? values?.email);
    return email ? `Email: ${text(email)}` : null;
  }
  if (values === undefined || values === null) return null;
  const list = Array.isArray(values) ? values : [values];
  const items = Array.isArray(attributes.items) ? attributes.items : [];
  const parts = list.map((value) => {
    if (value === null || typeof value !== 'object') return text(value);
    const item = items.find((candidate) => candidate && candidate.value !== undefined && candidate.value === value.value);
    const label = text(value.title ?? item?.title ?? value.label ?? '');
    const answer = text(value.value ?? '');
    if (message.content_type === 'form') return `${label || text(value.name)}: ${answer}`;
    return label || answer;
  });
  const prefix = message.content_type === 'input_select' ? 'Chose' : 'Answered';
  return `${prefix}: ${parts.filter(Boolean).join(', ')}`;
}

/** Unix seconds → a short time; the date is added when it is not today. @param {number} seconds @param {number} [now] */
export function shortTime(seconds, now = Date.now()) {
  if (!seconds) return '';
  const date = new Date(seconds * 1000);
  const today = new Date(now);
  const time = date.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
  if (date.toDateString() === today.toDateString()) return time;
  if (now - date.getTime() < 6 * 86400000) return `${date.toLocaleDateString([], {weekday: 'short'})} ${time}`;
  return date.toLocaleDateString([], {day: 'numeric', month: 'short'});
}
