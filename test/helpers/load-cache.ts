/**
 * The year files the in-process tests load, parsed once per worker: data/2024.yaml, its 2023 and the
 * small base years are loaded by hundreds of tests (every build, check and model), and the YAML parse
 * was a sixth of the in-process CPU. test/setup/each-file.ts puts these in place of src/load/load.ts's
 * loadYamlFile and loadYamlText (the command line's own processes are not affected).
 *
 * The key is what the result depends on: the file's text (by hash), the name it is shown by and the
 * limits (test/load/limits.test.ts lowers them). A result is shared, so it is frozen: a caller that
 * changed it would fail loudly instead of changing what the next test loads. Big texts (the limits
 * tests') are not kept.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type * as Load from '../../src/load/load.ts';

type LoadModule = typeof Load;
type Result = ReturnType<LoadModule['loadYamlText']>;

const MAX_BYTES = 256 * 1024;
const MAX_ENTRIES = 64;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    // A SourceMap keeps its lines in Maps (frozen objects, their Maps still usable): only plain data is frozen.
    if (value instanceof Map || value instanceof Set) return value;
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function cachedLoad(original: LoadModule): LoadModule {
  const cache = new Map<string, Result>();
  const text = (bytes: Uint8Array | string, file: string): Result => {
    const size = typeof bytes === 'string' ? bytes.length * 3 : bytes.byteLength;
    if (size > MAX_BYTES) return original.loadYamlText(bytes, file);
    const key = [typeof bytes, file, JSON.stringify(original.LIMITS), createHash('sha1').update(bytes).digest('hex')].join('\0');
    let result = cache.get(key);
    if (result) {
      // Most recently used last: the oldest goes first when the cache is full.
      cache.delete(key);
    } else {
      result = deepFreeze(original.loadYamlText(bytes, file));
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, result);
    return result;
  };
  return {
    ...original,
    loadYamlText: text,
    loadYamlFile(path) {
      // As loadYamlFile reads a file; anything but a readable file of allowed size goes to it unchanged.
      let bytes: Buffer;
      try {
        const stat = statSync(path);
        if (!stat.isFile() || stat.size > original.LIMITS.fileBytes) return original.loadYamlFile(path);
        bytes = readFileSync(path);
      } catch {
        return original.loadYamlFile(path);
      }
      return text(bytes, original.displayPath(path));
    },
  };
}
