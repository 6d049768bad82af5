/**
 * Rows spooled to a temporary newline-delimited JSON file, so a stream of
 * any size passes through in bounded memory on its way to a load job.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One load job's worth of rows, on disk until loaded. */
export class NdjsonBatch {
  readonly file: string;
  rowCount = 0;
  private readonly dir: string;
  private readonly out: fs.WriteStream;
  /** The first write error (a full disk, say); fails add() and close(). */
  private failure: Error | undefined;

  constructor(label: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `hubspot-${label}-`));
    this.file = path.join(this.dir, 'rows.ndjson');
    this.out = fs.createWriteStream(this.file);
    this.out.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /** Appends one row, waiting when the file stream is backed up. */
  async add(row: Record<string, unknown>): Promise<void> {
    if (this.failure) throw this.spoolError();
    this.rowCount++;
    if (!this.out.write(`${JSON.stringify(row, wellFormed)}\n`)) {
      await once(this.out, 'drain');
    }
  }

  /** Flushes and closes the file; call before loading it. */
  async close(): Promise<void> {
    if (!this.out.closed) {
      await new Promise<void>((resolve) => this.out.end(() => resolve()));
    }
    if (this.failure) throw this.spoolError();
  }

  private spoolError(): Error {
    return new Error(`could not write rows to ${this.file}: ` +
      `${this.failure?.message}; free disk space in ${os.tmpdir()} (or set ` +
      'TMPDIR) and run the sync again', { cause: this.failure });
  }

  /** Deletes the file and its folder. */
  async dispose(): Promise<void> {
    await this.close().catch(() => undefined);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

// A lone UTF-16 surrogate (half an emoji, cut by some upstream system) is
// valid in a JS string but not in a load job's UTF-8 JSON: one such value
// would fail the stream on every sync. It becomes U+FFFD instead.
function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.toWellFormed() : value;
}
