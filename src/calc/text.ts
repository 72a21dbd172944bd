/**
 * `{=名称}` references inside the department's own prose (情况说明「九」, evaluation reports): the only
 * way data text can quote a computed figure. Parsing lives here so the checks and the renderer agree.
 * Nothing else in data text is interpreted: `{{` and the like are printed as typed.
 */
export interface Reference {
  name: string;
  /** '' natural, '%' percent of a ratio, '2' fixed two places. */
  format: '' | '%' | '%2' | '2';
  start: number;
  end: number;
}

const REF = /\{=([^{}|]+?)(?:\|(%2|%|2))?\}/g;

export function findReferences(text: string): Reference[] {
  const refs: Reference[] = [];
  for (const m of text.matchAll(REF)) {
    refs.push({ name: m[1]!.trim(), format: (m[2] ?? '') as Reference['format'], start: m.index!, end: m.index! + m[0].length });
  }
  return refs;
}

export function replaceReferences(text: string, render: (ref: Reference) => string): string {
  let out = '';
  let at = 0;
  for (const ref of findReferences(text)) {
    out += text.slice(at, ref.start) + render(ref);
    at = ref.end;
  }
  return out + text.slice(at);
}
