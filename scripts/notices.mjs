// The licences of the packages the build bundles into dist/ (Vega-Lite and its dependencies, the stdlib-js numerics):
// they reach users inside relaudit's own files rather than as installed packages with their LICENSE beside them, and
// their licences (BSD-3-Clause, Apache-2.0, ISC, MIT) ask that the notice travel with the code. Written by
// scripts/build.mjs from esbuild's metafiles as dist/THIRD-PARTY-NOTICES.md; packages with the same licence text
// share one copy of it.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The package folder (…/node_modules/name or …/node_modules/@scope/name) of a bundled input path. */
function packageFolder(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match ? match[1] : null;
}

function licenceText(folder) {
  const file = readdirSync(folder).find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name));
  return file ? readFileSync(join(folder, file), "utf8").trim() : null;
}

/** The notices file's text for the inputs of esbuild's metafiles (paths relative to `root`). */
export function thirdPartyNotices(root, metafiles) {
  const folders = new Set();
  for (const metafile of metafiles)
    for (const input of Object.keys(metafile.inputs)) {
      const folder = packageFolder(input);
      if (folder) folders.add(folder);
    }
  const byText = new Map();
  for (const folder of folders) {
    const path = join(root, folder);
    if (!existsSync(join(path, "package.json"))) continue;
    const { name, version, license } = JSON.parse(readFileSync(join(path, "package.json"), "utf8"));
    const text = licenceText(path) ?? `${license} (the package ships no licence file; see its package.json)`;
    if (!byText.has(text)) byText.set(text, new Set());
    byText.get(text).add(`${name} ${version} (${license})`);
  }
  const sections = [...byText]
    .map(([text, names]) => ({ names: [...names].sort(), text }))
    .sort((a, b) => a.names[0].localeCompare(b.names[0]));
  return [
    "# Third-party notices",
    "",
    "dist/ bundles code from the packages below. Each group shares the licence text that follows it.",
    ...sections.flatMap(({ names, text }) => ["", ...names.map((n) => `- ${n}`), "", "```text", text, "```"]),
    "",
  ].join("\n");
}

export const noticesPath = (root) => join(root, "dist", "THIRD-PARTY-NOTICES.md");
