// Where a session is stored: its own file, so that the page-start check
// (src/controllers/stored-contact.ts) can find it without the reader of the format.

/** One key per server and inbox. The key is the one version 1 used, so an upgrade finds it. */
export function storageKey(baseUrl: string, inboxIdentifier = ''): string {
  return `akece-chat:${baseUrl}:${inboxIdentifier}`;
}
