import { describe, expect, it } from 'vitest';
import { readNdjson, splitLines } from './ndjson.js';

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('reading NDJSON', () => {
  it.each([
    ['', [], ''],
    ['{"a":1}', [], '{"a":1}'],
    ['{"a":1}\n', ['{"a":1}'], ''],
    ['{"a":1}\n\n{"b":2}\n{"c"', ['{"a":1}', '{"b":2}'], '{"c"'],
  ])('splits %j into complete lines and the rest', (buffer, lines, rest) => {
    expect(splitLines(buffer)).toEqual({ lines, rest });
  });

  it('gives every line\'s value, whole, however the bytes were cut, a last line without newline included', async () => {
    const bytes = new TextEncoder().encode('{"file":"退货.txt"}\n{"type":"summary"}');
    // Cut inside the first Chinese character and inside the second line.
    const chunks = [bytes.slice(0, 10), bytes.slice(10, 24), bytes.slice(24)];
    const values: unknown[] = [];
    await readNdjson(streamOf(chunks), (value) => values.push(value));
    expect(values).toEqual([{ file: '退货.txt' }, { type: 'summary' }]);
  });
});
