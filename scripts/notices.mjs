// The licences of the packages the build bundles into dist/ (Vega, Vega-Lite and the d3 code inside them, the stdlib-js
// numerics):
// they reach users inside relaudit's own files rather than as installed packages with their LICENSE beside them, and
// their licences (BSD-3-Clause, Apache-2.0, ISC, MIT) ask that the notice travel with the code. Written by
// scripts/build.mjs from esbuild's metafiles as dist/THIRD-PARTY-NOTICES.md; packages with the same licence text
// share one copy of it.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/** The package folder (…/node_modules/name or …/node_modules/@scope/name) of a bundled input path. */
function packageFolder(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match ? match[1] : null;
}

function licenceText(folder) {
  const file = readdirSync(folder).find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name));
  return file ? readFileSync(join(folder, file), "utf8").trim() : null;
}

const readPackage = (folder) => JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
const repositoryOf = ({ repository }) => (typeof repository === "string" ? repository : (repository?.url ?? null));

/**
 * Packages whose code prebuilt files paste in rather than import: the vega-* packages' CommonJS builds carry the d3
 * packages they use, and d3-delaunay's carries delaunator and robust-predicates. esbuild's metafile never names them.
 */
const PASTED = /^(d3-[a-z-]+|delaunator|robust-predicates)$/;

/** Where Node finds package `name` from `folder`: its own node_modules, then each parent's. */
function installed(folder, name) {
  for (let dir = folder; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
  }
  throw new Error(`${name}, a dependency of ${folder}, is not installed`);
}

/** The bundled packages' folders (relative to `root`) and, transitively, those of their dependencies named PASTED. */
function withPasted(root, folders) {
  const all = new Set(folders);
  const queue = [...folders];
  while (queue.length > 0) {
    const folder = queue.pop();
    for (const name of Object.keys(readPackage(join(root, folder)).dependencies ?? {}).filter((n) => PASTED.test(n))) {
      const found = relative(root, installed(join(root, folder), name));
      if (!all.has(found)) all.add(found) && queue.push(found);
    }
  }
  return [...all];
}

/** The notices file's text for the inputs of esbuild's metafiles (paths relative to `root`). */
export function thirdPartyNotices(root, metafiles) {
  const folders = new Set();
  for (const metafile of metafiles)
    for (const input of Object.keys(metafile.inputs)) {
      const folder = packageFolder(input);
      if (folder) folders.add(folder);
    }
  const packages = withPasted(
    root,
    [...folders].filter((folder) => existsSync(join(root, folder, "package.json"))),
  ).map((folder) => ({ ...readPackage(join(root, folder)), text: licenceText(join(root, folder)) }));
  // A package without a licence file of its own (vega-util, vega-scale, …) is under its repository's licence, which
  // another package from the same repository (vega) ships.
  const byRepository = new Map(packages.filter((p) => p.text && repositoryOf(p)).map((p) => [repositoryOf(p), p.text]));
  const byText = new Map();
  for (const { name, version, license, text: own, ...rest } of packages) {
    const text = own ?? byRepository.get(repositoryOf(rest));
    // The notice must travel with the code: a bundled package whose licence text cannot be found stops the build.
    if (!text) throw new Error(`${name} ${version}: no licence file, and none from its repository; add its notice`);
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
