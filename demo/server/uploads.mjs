// The content type an upload is stored and served with: the one the browser sent when it is a
// real type, else the one its extension names (a browser sends `application/octet-stream`, or
// nothing, for a type it does not know, and a recorded voice note may come as a bare Blob).

const BY_EXTENSION = /** @type {Record<string, string>} */ ({
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  weba: 'audio/webm',
  webm: 'video/webm',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
});

/** `type/subtype` with optional parameters (`audio/webm;codecs=opus`), nothing else. */
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9_-]+=("[^"\r\n]*"|[a-z0-9._+-]+))*$/i;

/** @param {string} filename @param {string | undefined} sent the part's Content-Type */
export function typeOfUpload(filename, sent) {
  const type = String(sent ?? '').trim().toLowerCase();
  if (type && type !== 'application/octet-stream' && MIME.test(type) && type.length <= 255) return type;
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? 'application/octet-stream';
}
