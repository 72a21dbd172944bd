/**
 * ExcelJS stamps every zip entry with the current time (JSZip's `new Date()`), so two builds of the
 * same data differ in a few bytes. Re-zipping with every entry dated from the data makes the workbook
 * byte-for-byte reproducible. JSZip writes DOS times from UTC fields, so TZ is moot.
 */
import JSZip from 'jszip';

export async function pinZipDates(buffer: Buffer | ArrayBuffer, date: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  zip.forEach((_, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
