// `--format <file format> --out FILE` (a slide deck): like the report folder, an existing file is replaced only when
// relaudit wrote it (the format recognises its own bytes) or with --force.
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { InputError } from "../model/problems.js";
import type { FileFormat } from "../report/formats/types.js";

export async function checkOutFile(path: string, format: FileFormat, force: boolean): Promise<void> {
  if (extname(path).toLowerCase() !== format.extension) {
    throw new InputError({
      option: "--out",
      message: `with --format ${format.name}, --out is the ${format.noun} file`,
      found: path,
      hint: `name the file, e.g. --out ${format.defaultFileName}`,
    });
  }
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory())
    throw new InputError({
      option: "--out",
      message: `"${path}" is a folder, not a ${format.noun} file`,
      hint: `give a file name ending in ${format.extension}`,
    });
  if (force || (await format.writtenByRelaudit(readFileSync(path)))) return;
  throw new InputError({
    option: "--out",
    message: `relaudit would overwrite "${path}", which it did not write`,
    hint: "choose another file name, move the file away, or pass --force",
  });
}
