/**
 * Default 名词解释 wording (src/catalogue/terms.yaml). A year file overrides any entry by term
 * (glossary.income / glossary.terms); 支出科目 entries come from the 科目说明 of the functional catalogue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CATALOGUE_DIR } from './index.ts';
import { readPlainYaml } from './read-yaml.ts';

const text = readFileSync(join(CATALOGUE_DIR, 'terms.yaml'), 'utf8');
const terms = (readPlainYaml(text) ?? parse(text)) as {
  income: Record<string, string>;
  related: { term: string; text: string }[];
};

export const INCOME_TERMS: Record<string, string> = terms.income;

export const RELATED_TERMS: { term: string; text: string }[] = terms.related;
