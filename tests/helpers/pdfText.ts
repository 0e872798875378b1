import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';

/**
 * The text a PDF shows, page by page, read back from the content streams (pdf-lib writes the
 * standard fonts' text as hex strings in WinAnsi, one `Tj` per line): what a reader would see,
 * without trusting the code that wrote it.
 */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const refs: PDFRawStream[] = [];
    if (contents instanceof PDFArray) {
      for (let i = 0; i < contents.size(); i++) {
        const s = doc.context.lookup(contents.get(i));
        if (s instanceof PDFRawStream) refs.push(s);
      }
    } else if (contents instanceof PDFRawStream) refs.push(contents);
    const lines: string[] = [];
    for (const stream of refs) {
      const raw = stream.getContents();
      const filter = stream.dict.toString();
      const text = Buffer.from(filter.includes('FlateDecode') ? inflateSync(raw) : raw).toString(
        'latin1',
      );
      for (const m of text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
        lines.push(Buffer.from(m[1]!, 'hex').toString('latin1'));
    }
    return lines.join('\n');
  });
}
