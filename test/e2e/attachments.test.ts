import {expect} from '@open-wc/testing';
import {restartServer, signalServer} from '../helpers/server.js';
import {agent, deep, field, onlyConversation, openWidget, perTest, reload, until, type WidgetPage} from './helpers.js';

// Files and voice notes (contract §12), end to end: files attached, pasted and dropped wait as
// previews (refused ones with their reason), go with the caption on send, show their upload's
// progress, survive a failed upload for its retry; a voice note recorded with Chromium's fake
// microphone goes as an audio attachment. The built bundle against the real local server.

interface ServerAttachment {
  file_type: string;
  data_url: string;
  file_size: number;
}
interface ServerMessage {
  content: string;
  message_type: number;
  attachments?: ServerAttachment[];
}

/** The composer's shadow root (the tray and recorder render there). */
const composerRoot = (page: WidgetPage) => deep(page.el, 'composer')[0].getRootNode() as ShadowRoot;

/** A file made in the page's own realm, as the visitor's would be. */
const fileIn = (page: WidgetPage, name: string, bytes: number, type: string) => new page.win.File([new Uint8Array(bytes)], name, {type});

/** A DataTransfer of the page holding `files`. */
function transferOf(page: WidgetPage, files: File[]) {
  const transfer = new page.win.DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer;
}

/** Whether the page has loaded the chunk whose file name contains `name`. */
const loadedChunk = (page: WidgetPage, name: string) => page.win.performance.getEntriesByType('resource').some((entry) => entry.name.includes(`/akece-chat.${name}.`));

/** The names shown in the previews, in order. */
const previewNames = (page: WidgetPage) => deep(page.el, 'attachment-preview').map((preview) => preview.querySelector('.file-name')!.textContent);

/** The text of the tray's notes (refusal reasons, upload failures). */
const trayNotes = (page: WidgetPage) => composerRoot(page).querySelector('.tray-notes')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The visitor messages the server holds, once `count` of them are there. */
async function visitorMessages(t: {server: Parameters<typeof agent>[0]}, conversationId: number, count = 1) {
  return until(async () => {
    const all = ((await agent(t.server).messages(conversationId)) as unknown as ServerMessage[]).filter((m) => m.message_type === 0);
    return all.length >= count ? all : null;
  }, `${count} visitor messages on the server`);
}

/** The echo ids whose files the page keeps in IndexedDB for after a reload (src/state/outbox-files.ts). */
function keptFiles(page: WidgetPage): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const opening = page.win.indexedDB.open('akece-chat');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const database = opening.result;
      if (!database.objectStoreNames.contains('outbox-files')) {
        database.close();
        return resolve([]);
      }
      const keys = database.transaction('outbox-files').objectStore('outbox-files').getAllKeys();
      keys.onsuccess = () => {
        database.close();
        resolve(keys.result.map(String));
      };
      keys.onerror = () => reject(keys.error);
    };
  });
}

describe('e2e: files and voice notes', function () {
  this.timeout(60000);
  const t = perTest();

  const open = async (attrs: Record<string, string> = {}) => {
    const page = (t.page = await openWidget({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox', open: '', ...attrs}));
    await until(() => page.el.connectionState === 'connected', 'connected');
    await until(() => deep(page.el, 'attach-button').length, 'the attach button');
    return page;
  };

  it('takes pasted and dropped files as previews, refuses what is over the limits with the reason, and sends them with the caption', async () => {
    const page = await open({'max-attachment-size': '1', accept: 'image/*,.pdf'});
    // The tray and the uploader load with the first file and the first send of files.
    expect(loadedChunk(page, 'attachment-tray')).to.equal(false);
    expect(loadedChunk(page, 'form-upload')).to.equal(false);
    // Paste an image and a PDF into the text field.
    const paste = new page.win.ClipboardEvent('paste', {
      clipboardData: transferOf(page, [fileIn(page, 'photo.png', 2000, 'image/png'), fileIn(page, 'invoice.pdf', 5000, 'application/pdf')]),
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    field(page.el).dispatchEvent(paste);
    expect(paste.defaultPrevented).to.equal(true);
    await until(() => previewNames(page).length === 2, 'two previews');
    expect(previewNames(page)).to.deep.equal(['photo.png', 'invoice.pdf']);
    const thumbnail = deep(page.el, 'attachment-preview')[0].querySelector('img')!;
    expect(thumbnail.src).to.match(/^blob:/);
    expect(field(page.el).value).to.equal('');

    // Drag over the panel: the drop zone shows; drop a file too large and one of a refused type.
    const panel = deep(page.el, 'panel')[0];
    const list = deep(page.el, 'messages')[0];
    const dropped = transferOf(page, [fileIn(page, 'huge.png', 2 * 1024 * 1024, 'image/png'), fileIn(page, 'notes.txt', 10, 'text/plain'), fileIn(page, 'scan.pdf', 100, 'application/pdf')]);
    const box = panel.getBoundingClientRect();
    const drag = (type: string) =>
      list.dispatchEvent(new page.win.DragEvent(type, {dataTransfer: dropped, bubbles: true, composed: true, cancelable: true, clientX: box.left + 50, clientY: box.top + 100}));
    drag('dragenter');
    drag('dragover');
    await until(() => composerRoot(page).querySelector('.drop-zone'), 'the drop zone');
    expect(composerRoot(page).querySelector('.drop-zone')!.textContent).to.contain('Drop files to attach');
    drag('drop');
    await until(() => previewNames(page).length === 3, 'the accepted dropped file');
    expect(composerRoot(page).querySelector('.drop-zone')).to.equal(null);
    expect(previewNames(page)).to.deep.equal(['photo.png', 'invoice.pdf', 'scan.pdf']);
    expect(trayNotes(page)).to.contain('huge.png is larger than 1 MB');
    expect(trayNotes(page)).to.contain('notes.txt can’t be sent: this type of file isn’t accepted');
    expect(composerRoot(page).querySelector('.tray-notes')!.getAttribute('role')).to.equal('alert');

    // Remove one; nothing has been sent yet.
    deep(page.el, 'attachment-preview')[1].querySelector('button')!.click();
    await until(() => previewNames(page).length === 2, 'the removal');
    expect(previewNames(page)).to.deep.equal(['photo.png', 'scan.pdf']);
    expect(await agent(t.server).conversations()).to.have.length(0);

    // Send with a caption: one message with both files.
    const area = field(page.el);
    area.value = 'My receipt';
    area.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    deep(page.el, 'send-button')[0].click();
    await until(() => previewNames(page).length === 0, 'the tray emptied');
    const conversation = await onlyConversation(t.server);
    const [message] = await visitorMessages(t, conversation.id);
    expect(message.content).to.equal('My receipt');
    expect(message.attachments!.map((a) => decodeURIComponent(a.data_url.split('/').pop()!))).to.deep.equal(['photo.png', 'scan.pdf']);
    expect(message.attachments!.map((a) => a.file_type)).to.deep.equal(['image', 'file']);
    // The widget shows it sent, with its image.
    await until(() => page.el.messages.some((m) => m.role === 'visitor' && m.status === 'sent' && m.attachments.length === 2), 'the message with its files');
  });

  it('refuses files beyond 15 for one message, with the reason', async () => {
    const page = await open();
    const files = Array.from({length: 17}, (_, index) => fileIn(page, `file-${index + 1}.txt`, 10, 'text/plain'));
    const input = composerRoot(page).querySelector<HTMLInputElement>('input[type=file]')!;
    input.files = transferOf(page, files).files;
    input.dispatchEvent(new Event('change'));
    await until(() => previewNames(page).length === 15, '15 previews');
    expect(trayNotes(page)).to.contain('You can send up to 15 files');
    // The element's attributes are read when they change.
    page.el.setAttribute('max-attachment-size', '0.001');
    await until(() => (composerRoot(page).host as unknown as {maxAttachmentSize: number}).maxAttachmentSize < 2000, 'the new limit');
    deep(page.el, 'attachment-preview')[0].querySelector('button')!.click();
    input.files = transferOf(page, [fileIn(page, 'two-kb.txt', 2048, 'text/plain')]).files;
    input.dispatchEvent(new Event('change'));
    await until(() => trayNotes(page).includes('two-kb.txt is larger than'), 'the new limit applied');
  });

  it('shows the progress of a slow upload, then the message', async () => {
    const page = await open();
    // Big enough to outlast the loopback socket's buffers, which take megabytes at once.
    await agent(t.server).fault({method: 'POST', path: '/messages', bytesPerSecond: 3_000_000});
    await page.el.updateComplete;
    await (deep(page.el, 'composer')[0].getRootNode() as ShadowRoot & {host: {addFiles(files: File[]): Promise<void>}}).host.addFiles([fileIn(page, 'video.bin', 12_000_000, 'application/octet-stream')]);
    deep(page.el, 'send-button')[0].click();
    const bar = await until(() => deep(page.el, 'upload-progress')[0], 'the progress bar');
    expect(bar.getAttribute('role')).to.equal('progressbar');
    const values = new Set<number>();
    await until(() => {
      const now = deep(page.el, 'upload-progress')[0];
      if (now) values.add(Number(now.getAttribute('aria-valuenow')));
      return [...values].some((value) => value > 0 && value < 100);
    }, 'a value between 0 and 100', 15000).catch((error) => Promise.reject(new Error(`${error.message}; seen: ${[...values]}`)));
    await until(() => deep(page.el, 'upload-progress').length === 0, 'the upload done', 15000);
    await until(() => page.el.messages.some((m) => m.status === 'sent' && m.attachments.length === 1), 'the message sent');
  });

  it('keeps the files of a failed upload for its retry', async () => {
    const page = await open();
    await agent(t.server).fault({method: 'POST', path: '/messages', status: 500});
    const composer = (deep(page.el, 'composer')[0].getRootNode() as ShadowRoot & {host: {addFiles(files: File[]): Promise<void>}}).host;
    await composer.addFiles([fileIn(page, 'report.pdf', 3000, 'application/pdf')]);
    const area = field(page.el);
    area.value = 'The report';
    area.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    deep(page.el, 'send-button')[0].click();
    await until(() => page.el.messages.some((m) => m.status === 'failed'), 'the send failed');
    await until(() => trayNotes(page).includes('Upload failed'), 'the failure in the tray');
    // The failed message shows the file that its retry sends.
    const failed = await until(() => deep(page.el, 'message').find((m) => m.textContent!.includes('The report')), 'the failed message');
    expect(failed.textContent).to.contain('report.pdf');
    const retry = await until(() => deep(page.el, 'message').flatMap((m) => [...m.querySelectorAll('button')]).find((b) => b.textContent === 'Retry'), 'the retry button');
    retry.click();
    await until(() => page.el.messages.some((m) => m.status === 'sent' && m.content === 'The report'), 'the retried message sent');
    const conversation = await onlyConversation(t.server);
    const [message] = await visitorMessages(t, conversation.id);
    expect(message.content).to.equal('The report');
    expect(message.attachments!.map((a) => a.file_size)).to.deep.equal([3000]);
  });

  it('keeps a message with files and a voice note sent while the server is unreachable across a reload, and sends it once', async () => {
    let page = await open();
    await page.el.sendMessage('Hello');
    const conversation = await onlyConversation(t.server);
    await signalServer(t.server, 'SIGKILL');
    await until(() => page.el.connectionState === 'reconnecting', 'reconnecting');
    const composer = (deep(page.el, 'composer')[0].getRootNode() as ShadowRoot & {host: {addFiles(files: File[]): Promise<void>}}).host;
    await composer.addFiles([fileIn(page, 'receipt.pdf', 3000, 'application/pdf'), fileIn(page, 'voice-message.webm', 2000, 'audio/webm')]);
    const area = field(page.el);
    area.value = 'My receipt';
    area.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    deep(page.el, 'send-button')[0].click();
    const pending = await until(() => page.el.messages.find((m) => m.content === 'My receipt' && m.status === 'pending'), 'the message pending');
    await until(async () => (await keptFiles(page)).includes(pending.echoId!), 'its files kept in the browser');

    // Reload while the server is still down: the message comes back with its files, and waits.
    page = t.page = await reload(page);
    await until(() => page.el.messages.find((m) => m.content === 'My receipt' && m.status !== 'sent' && m.attachments.length === 2), 'the message restored with its files');
    expect(page.el.messages.find((m) => m.content === 'My receipt')!.attachments.map((a) => a.fileName)).to.deep.equal(['receipt.pdf', 'voice-message.webm']);

    await restartServer(t.server);
    await until(() => page.el.messages.some((m) => m.content === 'My receipt' && m.status === 'sent'), 'sent once the server is back', 40000);
    // The agent's side has it once, with both files.
    const mine = (await visitorMessages(t, conversation.id, 2)).filter((m) => m.content === 'My receipt');
    expect(mine).to.have.length(1);
    expect(mine[0].attachments!.map((a) => [decodeURIComponent(a.data_url.split('/').pop()!), a.file_type, a.file_size])).to.deep.equal([
      ['receipt.pdf', 'file', 3000],
      ['voice-message.webm', 'audio', 2000],
    ]);
    // Sent: the browser no longer keeps its files; a later reload sends nothing again.
    await until(async () => !(await keptFiles(page)).includes(pending.echoId!), 'its files forgotten');
    page = t.page = await reload(page);
    await until(() => page.el.connectionState === 'connected', 'connected after the second reload');
    await until(() => page.el.messages.some((m) => m.content === 'My receipt'), 'the history');
    expect((await visitorMessages(t, conversation.id, 2)).filter((m) => m.content === 'My receipt')).to.have.length(1);
  });

  it('keeps the files of a failed upload across a reload, and sends them once after it', async () => {
    let page = await open();
    await agent(t.server).fault({method: 'POST', path: '/messages', status: 500});
    const composer = (deep(page.el, 'composer')[0].getRootNode() as ShadowRoot & {host: {addFiles(files: File[]): Promise<void>}}).host;
    await composer.addFiles([fileIn(page, 'photo.png', 4000, 'image/png')]);
    deep(page.el, 'send-button')[0].click();
    const failed = await until(() => page.el.messages.find((m) => m.status === 'failed'), 'the send failed');
    await until(async () => (await keptFiles(page)).includes(failed.echoId!), 'its file kept in the browser');
    page = t.page = await reload(page);
    await until(() => page.el.messages.some((m) => m.status === 'sent' && m.attachments.length === 1), 'sent with its file after the reload', 15000);
    const conversation = await onlyConversation(t.server);
    const mine = await visitorMessages(t, conversation.id);
    expect(mine).to.have.length(1);
    expect(mine[0].attachments!.map((a) => [decodeURIComponent(a.data_url.split('/').pop()!), a.file_size])).to.deep.equal([['photo.png', 4000]]);
  });

  it('records a voice note with the microphone, which waits with a player and goes as an audio attachment', async () => {
    const page = await open();
    const record = deep(page.el, 'record-button')[0];
    expect(record.getAttribute('aria-pressed')).to.equal('false');
    expect(loadedChunk(page, 'voice-recorder')).to.equal(false); // loads with the first press
    record.click();
    await until(() => record.getAttribute('aria-pressed') === 'true' && deep(page.el, 'record-timer').length, 'recording');
    expect(deep(page.el, 'record-timer')[0].textContent).to.match(/^0:0\d$/);
    await until(() => deep(page.el, 'record-timer')[0]?.textContent === '0:01', 'a second recorded', 5000);
    record.click();
    await until(() => record.getAttribute('aria-pressed') === 'false' && deep(page.el, 'attachment-preview').length === 1, 'the note waiting');
    expect(deep(page.el, 'record-timer')).to.have.length(0);
    const player = deep(page.el, 'attachment-preview')[0].querySelector('audio')!;
    expect(player.controls).to.equal(true);
    expect(player.src).to.match(/^blob:/);
    deep(page.el, 'send-button')[0].click();
    const conversation = await onlyConversation(t.server);
    const [message] = await visitorMessages(t, conversation.id);
    expect(message.attachments!.map((a) => a.file_type)).to.deep.equal(['audio']);
    expect(message.attachments![0].file_size).to.be.above(1000);
    // It plays inline in the widget.
    await until(() => deep(page.el, 'message').some((m) => m.querySelector('audio[controls]')), 'the note as a player in the list');
  });

  it('throws a voice note away with record-cancel', async () => {
    const page = await open();
    const record = deep(page.el, 'record-button')[0];
    record.click();
    const cancel = await until(() => deep(page.el, 'record-cancel')[0], 'the discard button');
    cancel.click();
    await until(() => record.getAttribute('aria-pressed') === 'false', 'stopped');
    expect(deep(page.el, 'attachment-preview')).to.have.length(0);
    expect(deep(page.el, 'record-timer')).to.have.length(0);
  });
});
