import {expect} from '@open-wc/testing';
import {QueuedMessage} from '../../src/state/outbox.js';

// A queued message with files shows them by name and size while it is pending or failed, so the
// visitor sees what a retry sends; stored, it keeps no files (they do not survive a reload).
describe('QueuedMessage with files', () => {
  it('shows its files by name and size, with no address yet', () => {
    const entry = new QueuedMessage('echo1', 'The report', 1, 0);
    entry.files = [new File(['abc'], 'report.pdf', {type: 'application/pdf'})];
    const failed = entry.toMessage('Internal Server Error');
    expect(failed.status).to.equal('failed');
    expect(failed.attachments).to.deep.equal([{kind: 'file', url: '', thumbUrl: '', fileName: 'report.pdf', size: 3}]);
    expect(entry.toStored()).to.not.have.property('files');
    expect(QueuedMessage.restore(entry.toStored()).toMessage().attachments).to.deep.equal([]);
  });
});
