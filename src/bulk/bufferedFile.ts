/**
 * A file written from the start through an in-memory buffer with synchronous writes: for the
 * one-pass writers of large data sets (the generator's NDJSON, the first load's CSV), where a
 * write per line would dominate and a stream's back-pressure buys nothing.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const BUFFER_CHARS = 1 << 20;

export class BufferedFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= BUFFER_CHARS) this.flush();
  }

  flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
