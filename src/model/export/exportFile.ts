// An export's file: written under a temporary name beside the target and renamed to it at the end,
// so that the target is either complete or untouched. Text is gathered into chunks before it is
// written, so that a session is not a write of its own.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const CHUNK_CHARS = 256 * 1024;

export class ExportFile {
  private pending: string[] = [];
  private pendingChars = 0;
  private written = 0;

  private constructor(
    readonly target: string,
    private readonly temporary: string,
    private readonly handle: FileHandle,
  ) {}

  /** Starts writing; the target is not touched until finish(). */
  static async create(target: string): Promise<ExportFile> {
    const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${Date.now()}.part`);
    return new ExportFile(target, temporary, await open(temporary, 'w'));
  }

  /** Bytes written so far (UTF-8), the chunk not yet written included. */
  get bytes(): number {
    return this.written + Buffer.byteLength(this.pending.join(''));
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= CHUNK_CHARS) await this.flush();
  }

  /** Writes what is left and puts the file in the target's place. */
  async finish(): Promise<void> {
    await this.flush();
    await this.handle.close();
    await rename(this.temporary, this.target);
  }

  /** Removes the temporary file; the target stays as it was. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temporary, { force: true });
  }

  private async flush(): Promise<void> {
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (chunk) this.written += (await this.handle.write(chunk, null, 'utf8')).bytesWritten;
  }
}
