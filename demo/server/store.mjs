// In-memory state of the demo server, optionally saved to a JSON file after every change
// (written to a temporary file, then renamed, so a SIGKILL never leaves a torn file) and
// reloaded at start. Uploaded files live in a folder next to that file.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {defaultInbox} from './inbox.mjs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/**
 * @typedef {{id: number, name: string, email: string | null, phone_number: string | null,
 *   identifier: string | null, custom_attributes: Record<string, unknown>,
 *   additional_attributes: Record<string, unknown>, created: number, updated: number,
 *   last_activity: number | null}} Contact
 * @typedef {{id: number, contact_id: number, source_id: string, pubsub_token: string,
 *   created: number, updated: number, hmac_verified?: boolean}} ContactInbox
 * @typedef {'open' | 'resolved' | 'pending' | 'snoozed'} Status
 * @typedef {{id: number, uuid: string, contact_inbox_id: number, contact_id: number, status: Status,
 *   custom_attributes: Record<string, unknown>, additional_attributes: Record<string, unknown>,
 *   labels: string[], assignee_id: number | null, created: number, updated: number,
 *   last_activity: number, waiting_since: number | null, agent_last_seen: number | null,
 *   contact_last_seen: number | null, first_reply: number | null,
 *   resolved_by?: Resolver | null, resolved_at?: number | null}} Conversation
 * @typedef {{type: 'User' | 'Contact', id: number, name: string}} Resolver
 * @typedef {{id: number, message_id: number, file_type: string, extension: string | null,
 *   content_type: string, file_size: number, key: string, filename: string}} Attachment
 * @typedef {{id: number, conversation_id: number, content: string | null, message_type: number,
 *   content_type: string, content_attributes: Record<string, unknown>, private: boolean,
 *   status: string, sender_type: string | null, sender_id: number | null, created: number,
 *   updated: number, attachments: Attachment[]}} Message
 * @typedef {'online' | 'away' | 'offline'} AgentStatus
 * @typedef {{seq: Record<'contact' | 'contactInbox' | 'conversation' | 'message' | 'attachment', number>,
 *   contacts: Contact[], contactInboxes: ContactInbox[], conversations: Conversation[],
 *   messages: Message[], agentStatus: AgentStatus, inbox: import('./inbox.mjs').InboxSettings}} Data
 */

/** @returns {Data} */
const empty = () => ({
  seq: {contact: 100, contactInbox: 200, conversation: 0, message: 1000, attachment: 5000},
  contacts: [],
  contactInboxes: [],
  conversations: [],
  messages: [],
  agentStatus: 'online',
  inbox: defaultInbox(),
});

/** @param {{dataFile?: string}} [opts] */
export function createStore({dataFile} = {}) {
  /** @type {Data} */
  const data = dataFile && existsSync(dataFile) ? JSON.parse(readFileSync(dataFile, 'utf8')) : empty();
  data.inbox ??= defaultInbox(); // a state file from before the inbox had settings
  const filesDir = dataFile ? `${dataFile}.files` : mkdtempSync(join(tmpdir(), 'akece-files-'));
  mkdirSync(filesDir, {recursive: true});
  /** @type {Map<number, Message[]>} messages by conversation, in id order */
  const byConv = new Map();
  /** @param {Message} m */
  const index = (m) => {
    const list = byConv.get(m.conversation_id);
    if (list) list.push(m);
    else byConv.set(m.conversation_id, [m]);
  };
  data.messages.forEach(index);

  return {
    data,
    filesDir,
    /** @param {keyof Data['seq']} kind */
    nextId: (kind) => ++data.seq[kind],
    /** @param {number | null} id */
    contact: (id) => data.contacts.find((c) => c.id === id),
    /** @param {number} id */
    contactInbox: (id) => data.contactInboxes.find((ci) => ci.id === id),
    /** @param {string} sourceId */
    bySourceId: (sourceId) => data.contactInboxes.find((ci) => ci.source_id === sourceId),
    /** @param {string} token */
    byToken: (token) => data.contactInboxes.find((ci) => ci.pubsub_token === token),
    /** @param {number} id */
    conversation: (id) => data.conversations.find((c) => c.id === id),
    /** @param {number} convId @returns {Message[]} */
    messagesOf: (convId) => byConv.get(convId) ?? [],
    /** @param {number} id */
    message: (id) => data.messages.find((m) => m.id === id),
    /** @param {Message} m */
    addMessage(m) {
      data.messages.push(m);
      index(m);
    },
    /** Re-point a merged contact's rows to the surviving contact. @param {number} from @param {number} to */
    mergeContact(from, to) {
      for (const ci of data.contactInboxes) if (ci.contact_id === from) ci.contact_id = to;
      for (const c of data.conversations) if (c.contact_id === from) c.contact_id = to;
      for (const m of data.messages) if (m.sender_type === 'Contact' && m.sender_id === from) m.sender_id = to;
      data.contacts = data.contacts.filter((c) => c.id !== from);
    },
    /** @param {string} key */
    filePath: (key) => join(filesDir, key.replace(/[^a-f0-9]/g, '')),
    save() {
      if (!dataFile) return;
      const tmp = `${dataFile}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, dataFile);
    },
    /** Remove the temporary upload folder of a store without DATA_FILE. */
    dispose() {
      if (!dataFile) rmSync(filesDir, {recursive: true, force: true});
    },
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */
