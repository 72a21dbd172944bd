/** PDF renderer — being built (issue 3). */
import type { DocumentModel } from '../../model/document.ts';

export async function renderPdf(doc: DocumentModel): Promise<Buffer> {
  throw new Error(`PDF 渲染尚未实现：${doc.fileName}`);
}
