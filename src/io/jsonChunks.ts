/**
 * `JSON.stringify(value, null, 2) + '\n'`, produced in pieces of about
 * `chunkChars` characters, so a report too large for one JavaScript string
 * (V8 caps a string at 2^29 - 24 characters, about 512 MiB: a 5-million-line
 * log with 1.8 million import findings gave a 2.1 GB report) can still be
 * written. The text is the same, byte for byte, as the one-piece call.
 *
 * How: a container is walked element by element only when it is large;
 * anything smaller than `inlineNodes` values is written by JSON.stringify
 * itself and re-indented (JSON text never holds a raw newline inside a
 * string — it is escaped as \n — so prefixing every line break with the
 * depth's indentation is exact).
 */

export interface JsonChunkOptions {
  /** Roughly how many characters each piece holds (default 1 MiB of UTF-16 code units). */
  readonly chunkChars?: number;
  /** Subtrees of fewer values than this are stringified whole (default 4,096). */
  readonly inlineNodes?: number;
}

const INDENT = '  ';

/** The value JSON.stringify would serialise in place of `value` (toJSON applied). */
function jsonView(holderKey: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: (key: string) => unknown }).toJSON(holderKey);
  }
  if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  return value;
}

/** Whether JSON.stringify leaves this member out of an object (and writes null in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** True when the subtree holds fewer than `budget` values (walks at most `budget` of them). */
function isSmall(value: unknown, budget: number): boolean {
  let left = budget;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (--left < 0) return false;
    if (next === null || typeof next !== 'object') continue;
    if (Array.isArray(next)) {
      if (next.length > left) return false;
      for (let i = 0; i < next.length; i++) pending.push(next[i]);
    } else {
      const keys = Object.keys(next);
      if (keys.length > left) return false;
      for (const key of keys) pending.push((next as Record<string, unknown>)[key]);
    }
  }
  return true;
}

/**
 * The pieces of `JSON.stringify(value, null, 2) + '\n'`.
 * @throws TypeError where JSON.stringify would (a cycle, a BigInt), or when the value has no JSON text at all (undefined)
 */
export function* jsonChunks(value: unknown, options: JsonChunkOptions = {}): Generator<string, void, undefined> {
  const chunkChars = options.chunkChars ?? 1 << 20;
  const inlineNodes = options.inlineNodes ?? 4096;
  const ancestors = new Set<object>();
  let buffer = '';

  function* flushIfFull(): Generator<string, void, undefined> {
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = '';
    }
  }

  function* write(item: unknown, depth: number): Generator<string, void, undefined> {
    if (item === null || typeof item !== 'object' || isSmall(item, inlineNodes)) {
      const text = JSON.stringify(item, null, 2) as string | undefined;
      // Only reached for values JSON can write: callers skip the others first.
      buffer += depth === 0 || text === undefined ? (text ?? 'null') : text.replaceAll('\n', `\n${INDENT.repeat(depth)}`);
      yield* flushIfFull();
      return;
    }
    if (ancestors.has(item)) throw new TypeError('Converting circular structure to JSON');
    ancestors.add(item);
    const inner = `\n${INDENT.repeat(depth + 1)}`;
    if (Array.isArray(item)) {
      if (item.length === 0) buffer += '[]';
      else {
        buffer += '[';
        for (let i = 0; i < item.length; i++) {
          buffer += i === 0 ? inner : `,${inner}`;
          const element = jsonView(String(i), item[i]);
          if (isSkipped(element)) buffer += 'null';
          else yield* write(element, depth + 1);
        }
        buffer += `\n${INDENT.repeat(depth)}]`;
      }
    } else {
      let first = true;
      buffer += '{';
      for (const key of Object.keys(item)) {
        const member = jsonView(key, (item as Record<string, unknown>)[key]);
        if (isSkipped(member)) continue;
        buffer += `${first ? inner : `,${inner}`}${JSON.stringify(key)}: `;
        first = false;
        yield* write(member, depth + 1);
      }
      buffer += first ? '}' : `\n${INDENT.repeat(depth)}}`;
    }
    ancestors.delete(item);
    yield* flushIfFull();
  }

  const top = jsonView('', value);
  if (isSkipped(top)) throw new TypeError('The value has no JSON text (undefined, a function or a symbol)');
  yield* write(top, 0);
  buffer += '\n';
  yield buffer;
}
