// Buffered text output with back-pressure: callers hand over ~1 MB at a time, so millions of rows stream to disk
// with bounded memory.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";

export const FLUSH_AT = 1 << 20;

export class TextSink {
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
  }

  async write(text: string): Promise<void> {
    if (text.length > 0 && !this.stream.write(text)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
  }
}

/** Write a whole small file through the same path as the large ones. */
export async function writeText(path: string, text: string): Promise<void> {
  const sink = new TextSink(path);
  await sink.write(text);
  await sink.close();
}
