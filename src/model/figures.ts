/**
 * The figure identities (calc/figures.ts) as the model's readers see them: labels and order, for the
 * diffs and the renderers, which may not reach into calc themselves.
 */
export { figureLabel, figureRank, isFamilyKey, type FigureKey } from '../calc/figures.ts';
