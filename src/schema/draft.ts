/**
 * The one marker of what a person still has to write: `待填写`. Files made by `npm run new` and
 * `npm run import` carry it where the new year's content cannot come from anywhere — a figure that is in
 * no 公开表 (`initial: 待填写`), or last year's text kept as a draft (`purpose: 【待填写】按年初预算执行`).
 * The schema accepts it in place of a figure (as “not yet known”), so every marker in the file is
 * reported at once, each with its line, by the rule draft-marker; a file with a marker cannot be published.
 */
export const DRAFT_MARK = '待填写';

/** Put before a text carried over from last year: the text stays visible as a draft to be checked. */
export const DRAFT_PREFIX = `【${DRAFT_MARK}】`;

/** A figure (or a text with nothing to carry) still to be filled in. */
export const isDraftFigure = (text: string): boolean => text.trim() === DRAFT_MARK;

/** Any marked value: a figure to fill in, or a carried-over text not yet checked. */
export const hasDraftMark = (text: string): boolean => isDraftFigure(text) || text.includes(DRAFT_PREFIX);

/** Last year's text as a draft for this year. */
export const draftText = (text: string): string => (text.startsWith(DRAFT_PREFIX) ? text : `${DRAFT_PREFIX}${text}`);
