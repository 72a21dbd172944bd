/**
 * A fast reader for the catalogue files. They are ordinary YAML, but in one plain shape — block mappings
 * and lists whose entries are one-line flow mappings `{ code: "201", name: 一般公共服务支出 }` — and the
 * general YAML parser needs 50–150 ms for their ~700 lines in a cold process, a noticeable part of every
 * `check` and `build`. This reader handles exactly that shape in a millisecond and gives up (returns
 * undefined) on anything else, so the caller falls back to the full parser; a test checks that it reads
 * every shipped file exactly as the YAML parser does.
 *
 * Scalars follow YAML's core schema as far as the files use it: "quoted" text, plain text, and plain
 * integers as numbers.
 */

type Value = string | number | Value[] | { [key: string]: Value };

class GiveUp extends Error {}

function scalar(raw: string): Value {
  const t = raw.trim();
  if (t === '') throw new GiveUp();
  if (t.startsWith('"')) {
    if (!t.endsWith('"') || t.length < 2) throw new GiveUp();
    return JSON.parse(t) as string;
  }
  // Anything YAML would read as something other than plain text.
  if (/^['&*!|>%@`{[\]},#?-]|: | #|^(true|false|null|~)$/i.test(t) || /^[-+]?(\d*\.\d+|\d+\.|0x|0o|\.inf|\.nan)/i.test(t)) {
    if (!/^\d+$/.test(t)) throw new GiveUp();
  }
  return /^\d+$/.test(t) ? Number.parseInt(t, 10) : t;
}

/** Parses one flow collection starting at text[i]; returns the value and the index after it. */
function flow(text: string, i: number): [Value, number] {
  const open = text[i];
  const close = open === '{' ? '}' : ']';
  const out: Value = open === '{' ? {} : [];
  i++;
  for (;;) {
    while (text[i] === ' ') i++;
    if (text[i] === close) return [out, i + 1];
    let key: string | undefined;
    if (open === '{') {
      const colon = text.indexOf(':', i);
      if (colon < 0) throw new GiveUp();
      key = text.slice(i, colon).trim();
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new GiveUp();
      i = colon + 1;
      while (text[i] === ' ') i++;
    }
    let value: Value;
    if (text[i] === '{' || text[i] === '[') {
      [value, i] = flow(text, i);
    } else if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      value = scalar(text.slice(i, j + 1));
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && text[j] !== ',' && text[j] !== close) j++;
      value = scalar(text.slice(i, j));
      i = j;
    }
    if (key !== undefined) {
      if (Object.hasOwn(out, key)) throw new GiveUp();
      (out as Record<string, Value>)[key] = value;
    } else (out as Value[]).push(value);
    while (text[i] === ' ') i++;
    if (text[i] === ',') i++;
    else if (text[i] !== close) throw new GiveUp();
  }
}

interface Line {
  indent: number;
  text: string;
}

/** Lines without comments and blanks; a flow collection running onto further lines is joined. */
function logicalLines(source: string): Line[] {
  const lines: Line[] = [];
  let pending: Line | undefined;
  let depth = 0;
  for (const raw of source.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*(#|$)/.test(raw)) continue;
    if (raw.includes('\t') || raw.includes(' #')) throw new GiveUp();
    const text = raw.trimEnd();
    if (pending) pending.text += ` ${text.trim()}`;
    else pending = { indent: text.length - text.trimStart().length, text: text.trim() };
    for (const ch of text.replace(/"(?:[^"\\]|\\.)*"/g, '')) depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
    if (depth < 0) throw new GiveUp();
    if (depth === 0) {
      lines.push(pending);
      pending = undefined;
    }
  }
  if (pending) throw new GiveUp();
  return lines;
}

function inlineValue(text: string): Value {
  if (text.startsWith('{') || text.startsWith('[')) {
    const [value, end] = flow(text, 0);
    if (end !== text.length) throw new GiveUp();
    return value;
  }
  return scalar(text);
}

/** A block (mapping or list) of the lines at `indent`, from lines[at]; returns it and the next index. */
function block(lines: Line[], at: number, indent: number): [Value, number] {
  const isList = lines[at]!.text.startsWith('- ');
  const out: Value = isList ? [] : {};
  let i = at;
  while (i < lines.length && lines[i]!.indent === indent) {
    const { text } = lines[i]!;
    if (isList) {
      if (!text.startsWith('- ')) throw new GiveUp();
      (out as Value[]).push(inlineValue(text.slice(2).trim()));
      i++;
      continue;
    }
    const m = /^("(?:[^"\\]|\\.)*"|[^\s"'{[\-#][^:]*?):(?: (.*))?$/.exec(text);
    if (!m) throw new GiveUp();
    const key = m[1]!.startsWith('"') ? (JSON.parse(m[1]!) as string) : m[1]!;
    if (Object.hasOwn(out, key)) throw new GiveUp();
    i++;
    if (m[2] !== undefined && m[2].trim() !== '') {
      (out as Record<string, Value>)[key] = inlineValue(m[2].trim());
    } else {
      const next = lines[i];
      if (!next || next.indent <= indent) throw new GiveUp();
      let child: Value;
      [child, i] = block(lines, i, next.indent);
      (out as Record<string, Value>)[key] = child;
    }
  }
  if (i < lines.length && lines[i]!.indent > indent) throw new GiveUp();
  return [out, i];
}

/** The file's data, or undefined when it is not in the plain shape (use the full YAML parser then). */
export function readPlainYaml(source: string): unknown {
  try {
    const lines = logicalLines(source);
    if (!lines.length || lines[0]!.indent !== 0) return undefined;
    const [value, end] = block(lines, 0, 0);
    return end === lines.length ? value : undefined;
  } catch (err) {
    if (err instanceof GiveUp || err instanceof SyntaxError) return undefined;
    throw err;
  }
}
