/**
 * The workbook's package as Excel opens it: every part well-formed XML (a strict parser, saxes, the one
 * ExcelJS reads with), every part declared in [Content_Types].xml and reached by a relationship, and any
 * text — quotes, ampersands, characters XML forbids, Excel's own `_x0041_` escapes — comes back as it
 * was written (less what XML cannot hold).
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { TableSpec } from '../../src/model/table-spec.ts';
import { renderWorkbook } from '../../src/render/xlsx/index.ts';
import { DATE, readBack, renderYear, tablesFor } from './helpers.ts';

/** Parses `xml` strictly (namespaces too); throws at the first error, naming the part. */
function parse(name: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (err) => {
    throw new Error(`${name}: ${err.message}`);
  });
  parser.write(xml).close();
}

async function parts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('string'));
  return out;
}

/** Targets of a .rels part, as package paths. */
function targets(relsName: string, xml: string): string[] {
  const base = relsName.replace(/_rels\/[^/]*\.rels$/, '');
  return [...xml.matchAll(/Target="([^"]+)"/g)].map((m) => base + m[1]);
}

describe.each(['data/2024.yaml', 'test/fixtures/general/2024.yaml'])('the package of %s', (file) => {
  it('has only well-formed parts, each declared and reached', async () => {
    const all = await parts((await renderYear(file)).buffer);
    for (const [name, xml] of all) parse(name, xml);
    const types = all.get('[Content_Types].xml')!;
    const declared = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
    const xmlParts = [...all.keys()].filter((n) => n.endsWith('.xml') && n !== '[Content_Types].xml');
    expect(declared.sort()).toEqual(xmlParts.sort());
    const reached = [...all].filter(([n]) => n.endsWith('.rels')).flatMap(([n, xml]) => targets(n, xml));
    expect(reached.sort()).toEqual(xmlParts.sort());
  });
});

describe('text from the data', () => {
  const spec = (): TableSpec => {
    const t = tablesFor('data/2024.yaml').tables.find((x) => x.id === 'T10')!;
    return { ...t, sheetName: "O'Neil & <表>" };
  };

  it('comes back as written, less what XML 1.0 cannot hold', async () => {
    const s = spec();
    const tricky = ' 甲<乙>&"丙"\'丁\'\n_x0041_ 戊\u0001\uFFFE\uD800 ';
    s.title = tricky;
    s.notes = [...s.notes, '注：第二行\n第三行'];
    const buffer = await renderWorkbook([s], { title: '标题 & <标题>', author: '"单位"', date: DATE });
    for (const [name, xml] of await parts(buffer)) parse(name, xml);

    const wb = await readBack(buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("O'Neil & <表>");
    expect(ws.getCell('A1').value).toBe(' 甲<乙>&"丙"\'丁\'\n_x0041_ 戊 ');
    expect(ws.getCell(ws.rowCount, 1).value).toBe('注：第二行\n第三行');
    expect([wb.title, wb.creator]).toEqual(['标题 & <标题>', '"单位"']);
    // The print area and titles name the sheet, its quote doubled.
    expect(ws.pageSetup.printArea).toMatch(/^A1:C\d+$/);
    expect(ws.pageSetup.printTitlesRow).toBe('4:4');
  });
});
