// NDJSON (one JSON value per line) read from a streamed answer as it arrives: the import routes
// send their progress this way (docs/api/imports.md#progress-application-x-ndjson).

/** Splits `buffer` into its complete lines and the unfinished rest; blank lines are dropped. */
export function splitLines(buffer: string): { lines: string[]; rest: string } {
  const parts = buffer.split('\n');
  const rest = parts.pop() ?? '';
  return { lines: parts.map((line) => line.trim()).filter((line) => line !== ''), rest };
}

/** Calls `onValue` with each line's value, in order, until the stream ends. */
export async function readNdjson(body: ReadableStream<Uint8Array>, onValue: (value: unknown) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    // A multi-byte character may be cut between two chunks: the decoder keeps its first bytes until the rest comes.
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const { lines, rest } = splitLines(done ? `${buffer}\n` : buffer);
    buffer = rest;
    for (const line of lines) onValue(JSON.parse(line));
    if (done) return;
  }
}
