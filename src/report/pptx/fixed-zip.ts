// A deck must be byte-identical for the same report (docs/security.md, determinism). pptxgenjs stamps the clock into
// docProps/core.xml, into every zip entry's date and into each chart's embedded workbook (itself a zip): all are
// rewritten to the report's own time (`generatedAt`, fixed by --generated-at), entry order kept.
import type JSZipType from "jszip";

/** The earliest date a zip entry can hold (MS-DOS time starts in 1980). */
const ZIP_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);
const ZIP_END = Date.UTC(2107, 11, 31, 23, 59, 58);

/** A zip (pptx, xlsx) with every clock-dependent byte replaced by `at`. */
export async function fixedZip(bytes: Uint8Array, at: string): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip");
  const time = clampedTime(at);
  return fixZip(JSZip, bytes, time);
}

function clampedTime(at: string): Date {
  const ms = Date.parse(at);
  return new Date(Number.isNaN(ms) ? ZIP_EPOCH : Math.min(Math.max(ms, ZIP_EPOCH), ZIP_END));
}

async function fixZip(JSZip: typeof JSZipType, bytes: Uint8Array, time: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const fixed = new JSZip();
  const stamp = time.toISOString().replace(/\.\d{3}Z$/, "Z");
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    let content: Uint8Array | string = await entry.async("uint8array");
    if (entry.name === "docProps/core.xml") content = withCoreTimes(Buffer.from(content).toString("utf8"), stamp);
    else if (/\.(xlsx|pptx|docx)$/i.test(entry.name)) content = await fixZip(JSZip, content, time);
    fixed.file(entry.name, content, { date: time, createFolders: false });
  }
  return fixed.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

function withCoreTimes(xml: string, stamp: string): string {
  return xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_, open: string, _name: string, close: string) => `${open}${stamp}${close}`,
  );
}
