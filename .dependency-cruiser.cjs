// The layers of relaudit, checked on every `npm test` (docs/architecture.md draws the picture):
//   model → load → analyses (survey, network, signals, stats) → checks → pipeline → report (renderers) → cli/explore
// `result/` is the contract between them: the Report and its section types. It imports only model/, and every layer
// may import its *types*. `text/` (numbers and words) and `util/` sit beside model/ on the ground floor.
const ANALYSES = "^src/(survey|network|signals|stats)/";
const FACE = "^src/(cli|explore)/";

/** A rule: files matching `from` may not import files matching `to` (except type-only imports when allowed). */
const forbid = (name, comment, from, to, { typesAllowed = false } = {}) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: typesAllowed ? { path: to, dependencyTypesNot: ["type-only"] } : { path: to },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "An import circle hides which layer comes first.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    forbid("model-is-the-ground-floor", "model/ imports nothing of ours but model/.", "^src/model/", "^src/(?!model/)"),
    forbid(
      "text-imports-only-model",
      "text/ formats numbers and words for every layer; it depends on nothing above model/.",
      "^src/text/",
      "^src/(?!(model|text)/)",
    ),
    forbid(
      "util-imports-nothing",
      "util/ holds generic helpers with no knowledge of relaudit's layers.",
      "^src/util/",
      "^src/(?!util/)",
    ),
    forbid(
      "result-imports-only-model",
      "result/ is the contract (the Report and its sections): it imports only model/.",
      "^src/result/",
      "^src/(?!(model|result)/)",
    ),
    forbid(
      "load-stays-below-analyses",
      "Loaders turn files into the model; they never call analyses, checks or renderers.",
      "^src/load/",
      `${ANALYSES}|^src/(checks|pipeline|report|privacy|cli|explore)/`,
    ),
    forbid(
      "load-imports-result-types-only",
      "Loaders may name result types (the inputs summary), never run result code.",
      "^src/load/",
      "^src/result/",
      { typesAllowed: true },
    ),
    forbid(
      "analyses-are-pure-functions-of-the-model",
      "Analyses read the model; they never read files, run checks or render.",
      ANALYSES,
      "^src/(load|checks|pipeline|report|privacy|cli|explore)/",
    ),
    forbid(
      "analyses-import-result-types-only",
      "Analyses produce result sections but import only their types.",
      ANALYSES,
      "^src/result/",
      { typesAllowed: true },
    ),
    forbid(
      "checks-read-sections",
      "Checks judge analysed sections; they never load, render or reach the face.",
      "^src/checks/",
      "^src/(load|pipeline|report|privacy|cli|explore)/",
    ),
    forbid(
      "pipeline-stops-at-the-report",
      "The pipeline builds the one Report; rendering it is the renderers' job.",
      "^src/pipeline/",
      `^src/(report|cli|explore)/`,
    ),
    forbid(
      "privacy-works-on-the-report",
      "Pseudonymisation transforms a Report; it does not load, analyse or render.",
      "^src/privacy/",
      `^src/(load|checks|pipeline|report|cli|explore)/`,
    ),
    forbid(
      "privacy-names-analysis-types-only",
      "It may name the types of what it pseudonymises.",
      "^src/privacy/",
      ANALYSES,
      { typesAllowed: true },
    ),
    forbid(
      "renderers-are-pure-functions-of-the-report",
      "A renderer reads the Report (and text helpers); it computes nothing.",
      "^src/report/",
      `^src/(load|checks|pipeline|privacy|cli|explore)/|${ANALYSES}`,
    ),
    {
      name: "only-loaders-and-the-face-touch-files",
      comment:
        "Files are read in load/ and written by cli/ and explore/; everything else works on values. " +
        "(The betweenness pool only checks that its worker script was built.)",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(load|cli|explore)/|^src/network/betweenness-threads\\.ts$" },
      to: { path: "^(node:)?fs(/promises)?$", dependencyTypes: ["core"] },
    },
    forbid(
      "only-the-face-imports-the-face",
      "cli/ and explore/ are the top: nothing below may import them.",
      "^src/(?!(cli|explore)/)",
      FACE,
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Our modules, and fs so the rule about touching files can see it.
    includeOnly: "^src/|^(node:)?fs(/promises)?$",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
