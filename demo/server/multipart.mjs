// multipart/form-data bodies (message attachments) through busboy.
import busboy from 'busboy';

/** @typedef {{filename: string, mime: string, data: Buffer}} Upload */

export const MAX_FILE = 40 * 1024 * 1024; // Chatwoot's default attachment limit is 40 MB
export const MAX_FILES = 15; // NUMBER_OF_PERMITTED_ATTACHMENTS

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<{fields: Record<string, string>, files: Upload[]}>}
 */
export function parseMultipart(req) {
  return new Promise((resolve, reject) => {
    /** @type {Record<string, string>} */
    const fields = {};
    /** @type {Upload[]} */
    const files = [];
    let bb;
    try {
      // Browsers send file names as UTF-8 ("résumé.pdf"), not busboy's default Latin-1.
      bb = busboy({headers: req.headers, defParamCharset: 'utf8', limits: {fileSize: MAX_FILE, files: MAX_FILES + 1}});
    } catch (err) {
      reject(err);
      return;
    }
    let tooBig = false;
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      /** @type {Buffer[]} */
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('limit', () => (tooBig = true));
      stream.on('end', () => {
        if (name === 'attachments[]' || name === 'attachments') {
          files.push({filename: info.filename || 'file', mime: info.mimeType || 'application/octet-stream', data: Buffer.concat(chunks)});
        }
      });
    });
    bb.on('close', () => (tooBig ? reject(Object.assign(new Error('file too large'), {tooBig})) : resolve({fields, files})));
    bb.on('error', reject);
    req.pipe(bb);
  });
}
