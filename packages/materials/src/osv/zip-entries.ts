/**
 * Reading the JSON entries of a zip (osv.dev's per-ecosystem `all.zip`) with yauzl, one entry at a
 * time, with a size cap per entry so a hostile archive cannot exhaust memory.
 */
import yauzl from 'yauzl';
import { ConfigurationError, errorMessage } from '@secure-factory/core';

export interface ZipEntryText {
  name: string;
  text: string;
}

const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err) reject(err);
      else resolve(zip);
    });
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) {
        reject(err);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

/** Calls `onEntry` for every `*.json` entry in order; rejects with a ConfigurationError naming the zip. */
export async function forEachJsonEntry(file: string, onEntry: (entry: ZipEntryText) => void): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (e: unknown) {
    throw new ConfigurationError(`not a readable zip archive: ${errorMessage(e)}`, {
      location: { file },
      hint: 'pass a folder of OSV JSON records or the all.zip files osv.dev publishes per ecosystem',
      cause: e,
    });
  }
  await new Promise<void>((resolve, reject) => {
    const fail = (e: unknown, entryName?: string): void => {
      zip.close();
      const where = entryName ? `${file}!${entryName}` : file;
      reject(
        e instanceof ConfigurationError
          ? e
          : new ConfigurationError(`cannot read the zip archive: ${errorMessage(e)}`, { location: { file: where }, cause: e }),
      );
    };
    zip.on('error', (e: unknown) => fail(e));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/') || !entry.fileName.toLowerCase().endsWith('.json')) {
        zip.readEntry();
        return;
      }
      if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
        fail(
          new ConfigurationError(`zip entry is ${entry.uncompressedSize} bytes, over the limit of ${MAX_ENTRY_BYTES}`, {
            location: { file: `${file}!${entry.fileName}` },
          }),
        );
        return;
      }
      readEntry(zip, entry).then(
        (text) => {
          try {
            onEntry({ name: entry.fileName, text });
          } catch (e: unknown) {
            fail(e, entry.fileName);
            return;
          }
          zip.readEntry();
        },
        (e: unknown) => fail(e, entry.fileName),
      );
    });
    zip.readEntry();
  });
}
