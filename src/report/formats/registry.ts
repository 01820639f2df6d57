// Every output format, in --help order. Adding a format: write one file in this folder, add one line here.
import { csv } from "./csv.js";
import { html } from "./html.js";
import { json } from "./json.js";
import { markdown } from "./markdown.js";
import { pptx } from "./pptx.js";
import { terminal } from "./terminal.js";
import type { Format, TextFormat } from "./types.js";

type With<K extends keyof TextFormat> = TextFormat & Required<Pick<TextFormat, K>>;

export const FORMATS: readonly Format[] = [terminal, markdown, json, html, csv, pptx];

export function formatNamed(name: string): Format {
  const format = FORMATS.find((f) => f.name === name);
  if (!format) throw new Error(`no format named ${name}`);
  return format;
}

/** The formats `relaudit signals` can print: those with a rendering of the signals projection. */
export const SIGNALS_FORMATS = FORMATS.filter(
  (f): f is With<"renderSignals"> => f.target === "stdout" && f.renderSignals !== undefined,
);

/** The formats whose file every --out folder holds (report.md, report.json). */
export const FOLDER_FILES = FORMATS.filter(
  (f): f is With<"extension"> => f.target === "stdout" && f.extension !== undefined,
);

/** The signals files of every `signals --out` folder: signals-<as-of>.md, signals-latest.md, .json … */
export const SIGNALS_FOLDER_FILES = SIGNALS_FORMATS.filter(
  (f): f is With<"renderSignals" | "extension"> => f.extension !== undefined,
);
