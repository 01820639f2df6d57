// `relaudit explore`: an Ink view over the rows of model.ts — tabs for findings, groups, group pairs, series (with
// sparklines) and brokers; arrow keys to move, enter for the full detail, q to quit. React and Ink are imported
// only here and only when the explorer starts (written with createElement, not JSX, so the bundler has no static
// React import to hoist): `audit` and JSON runs never load them.
import type * as InkModule from "ink";
import type ReactModule from "react";
import type { ReactElement } from "react";
import type { Report } from "../result/types.js";
import { explorerTabs, type DetailLine, type Row, type Spark, type Tab, type Tone } from "./model.js";
import { lastValues, sparkline } from "./sparkline.js";
import { fitLabels, labelWidthOf, sparkPeriods, sparkWidthOf } from "./layout.js";

export interface ExplorerModules {
  React: typeof ReactModule;
  ink: typeof InkModule;
}

export interface ExplorerOptions {
  /** Colours on (off: selection and emphasis by inverse and bold only). */
  color: boolean;
  /** Terminal size; defaults to Ink's stdout. */
  rows?: number;
  columns?: number;
}

export async function loadModules(): Promise<ExplorerModules> {
  const [react, ink] = await Promise.all([import("react"), import("ink")]);
  return { React: react.default, ink };
}

const TONE_COLOUR: Record<Tone, string | undefined> = {
  critical: "red",
  warning: "yellow",
  info: "cyan",
  good: "green",
  plain: undefined,
  muted: "gray",
};
const SPECIAL_COLOUR = { concern: "yellow", improvement: "cyan", neither: "magenta" } as const;
const VALUE_WIDTH = 24;

export interface ViewState {
  tab: number;
  /** Selected row per tab. */
  cursor: number[];
  expanded: boolean;
  quit: boolean;
}

export type ViewAction =
  | { type: "tab"; to: number }
  | { type: "tab-by"; by: number }
  | { type: "move"; by: number }
  | { type: "enter" }
  | { type: "back" }
  | { type: "quit" };

export function initialView(tabs: readonly Tab[]): ViewState {
  return { tab: 0, cursor: tabs.map(() => 0), expanded: false, quit: false };
}

/** Navigation as a pure function of the tabs, the state and one action. */
export function navigate(tabs: readonly Tab[], state: ViewState, action: ViewAction): ViewState {
  const rows = tabs[state.tab].rows.length;
  switch (action.type) {
    case "tab":
    case "tab-by": {
      if (state.expanded) return state;
      const to = action.type === "tab" ? action.to : state.tab + action.by;
      return { ...state, tab: ((to % tabs.length) + tabs.length) % tabs.length };
    }
    case "move": {
      if (state.expanded || rows === 0) return state;
      const cursor = [...state.cursor];
      cursor[state.tab] = Math.max(0, Math.min(rows - 1, cursor[state.tab] + action.by));
      return { ...state, cursor };
    }
    case "enter":
      return state.expanded ? { ...state, expanded: false } : rows > 0 ? { ...state, expanded: true } : state;
    case "back":
      return state.expanded ? { ...state, expanded: false } : { ...state, quit: true };
    case "quit":
      return { ...state, quit: true };
  }
}

interface Key {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home?: boolean;
  end?: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  shift: boolean;
}

export function keyAction(input: string, key: Key, page: number): ViewAction | null {
  if (input === "q") return { type: "quit" };
  if (key.escape) return { type: "back" };
  if (key.return || input === " ") return { type: "enter" };
  if (key.rightArrow || (key.tab && !key.shift) || input === "l") return { type: "tab-by", by: 1 };
  if (key.leftArrow || (key.tab && key.shift) || input === "h") return { type: "tab-by", by: -1 };
  if (/^[1-5]$/.test(input)) return { type: "tab", to: Number(input) - 1 };
  if (key.downArrow || input === "j") return { type: "move", by: 1 };
  if (key.upArrow || input === "k") return { type: "move", by: -1 };
  if (key.pageDown) return { type: "move", by: page };
  if (key.pageUp) return { type: "move", by: -page };
  if (input === "g" || key.home) return { type: "move", by: -Infinity };
  if (input === "G" || key.end) return { type: "move", by: Infinity };
  return null;
}

/** The explorer's small components (sparkline, list row, detail line), coloured only when colour is on. */
function explorerComponents({ React, ink }: ExplorerModules, options: ExplorerOptions) {
  const h = React.createElement;
  const { Box, Text } = ink;
  const colour = (tone: Tone | undefined) => (options.color && tone ? TONE_COLOUR[tone] : undefined);

  function SparkText({ spark, periods }: { spark: Spark; periods: number }): ReactElement {
    const values = lastValues(spark.values, periods);
    const special = lastValues(spark.special, periods);
    const chars = [...sparkline(values)];
    return h(
      Text,
      null,
      ...chars.map((ch, i) => {
        const judged = special[i];
        return h(
          Text,
          {
            key: i,
            color: options.color && judged ? SPECIAL_COLOUR[judged] : undefined,
            bold: Boolean(judged) && !options.color,
          },
          ch,
        );
      }),
    );
  }

  /** One list row; `label` is already fitted to its column (fitLabels). */
  type RowProps = { row: Row; label: string; active: boolean; width: number; valueWidth: number };
  function RowLine({ row, label, active, width, valueWidth }: RowProps): ReactElement {
    const sparkWidth = sparkWidthOf(row, width);
    const labelWidth = labelWidthOf(row, width, valueWidth);
    return h(
      Box,
      { width },
      h(
        Box,
        { width: 2, flexShrink: 0 },
        h(Text, { color: active ? undefined : colour(row.tone) }, active ? "›" : " "),
      ),
      h(
        Box,
        { width: labelWidth, flexShrink: 0 },
        h(Text, { wrap: "truncate-end", inverse: active, bold: row.tone === "critical" }, label),
      ),
      h(Text, null, " "),
      row.spark
        ? h(Box, { width: sparkWidth, flexShrink: 0 }, h(SparkText, { spark: row.spark, periods: sparkWidth - 1 }))
        : null,
      // A fixed-width value column keeps the sparklines of a tab aligned.
      h(
        Box,
        { width: valueWidth, flexShrink: 0 },
        h(Text, { color: colour(row.tone), wrap: "truncate-end" }, row.value),
      ),
    );
  }

  function DetailText({ line }: { line: DetailLine }): ReactElement {
    return h(Text, { color: colour(line.tone), dimColor: line.tone === "muted" }, line.text);
  }
  return { h, Box, Text, colour, SparkText, RowLine, DetailText };
}
type Components = ReturnType<typeof explorerComponents>;

/** What every screen shows around its body: the heading, the tab bar and the key help. */
interface Frame {
  heading: string;
  tabBar: ReactElement;
  footer: ReactElement;
  width: number;
  height: number;
}

/** One row in full: its label, sparkline and every detail line. */
function expandedScreen({ h, Box, Text, colour, SparkText, DetailText }: Components, frame: Frame, row: Row) {
  const { heading, tabBar, footer, width, height } = frame;
  return h(
    Box,
    { flexDirection: "column", width, height },
    h(Text, { bold: true, wrap: "truncate-end" }, heading),
    tabBar,
    h(Box, { marginTop: 1 }, h(Text, { bold: true, color: colour(row.tone) }, row.label)),
    row.spark ? h(SparkText, { spark: row.spark, periods: sparkPeriods(width) }) : null,
    h(
      Box,
      { flexDirection: "column", flexGrow: 1, overflow: "hidden" },
      ...row.detail.map((line, i) => h(DetailText, { key: i, line })),
    ),
    footer,
  );
}

/** A tab's rows around the selection, and the selected row's first detail lines below. */
function listScreen(
  { h, Box, Text, RowLine, DetailText }: Components,
  frame: Frame,
  view: {
    tab: Tab;
    selected: number;
    row: Row | undefined;
    listHeight: number;
    detailHeight: number;
    valueWidth: number;
  },
) {
  const { heading, tabBar, footer, width, height } = frame;
  const { tab, selected, row, listHeight, detailHeight, valueWidth } = view;
  // Keep the selection in view, centred where possible.
  const start = Math.max(0, Math.min(selected - Math.floor(listHeight / 2), tab.rows.length - listHeight));
  const visible = tab.rows.slice(start, start + listHeight);
  const labels = fitLabels(visible, width, valueWidth, tab.id === "findings" ? "sentence" : "name");
  return h(
    Box,
    { flexDirection: "column", width, height },
    h(Text, { bold: true, wrap: "truncate-end" }, heading),
    tabBar,
    h(
      Box,
      { flexDirection: "column", height: listHeight, marginTop: 1 },
      ...(visible.length
        ? visible.map((r, i) =>
            h(RowLine, {
              key: r.key,
              row: r,
              label: labels[i],
              active: start + i === selected,
              width,
              valueWidth,
            }),
          )
        : [h(Text, { key: "empty", dimColor: true }, tab.empty)]),
    ),
    h(
      Box,
      {
        flexDirection: "column",
        height: detailHeight,
        borderStyle: "single",
        borderTop: true,
        borderBottom: false,
        borderLeft: false,
        borderRight: false,
        overflow: "hidden",
      },
      ...(row ? row.detail.slice(0, detailHeight - 1).map((line, i) => h(DetailText, { key: i, line })) : []),
    ),
    footer,
  );
}

export function explorerElement(modules: ExplorerModules, report: Report, options: ExplorerOptions): ReactElement {
  const { React, ink } = modules;
  const components = explorerComponents(modules, options);
  const { h, Box, Text } = components;
  const { useApp, useInput, useStdout } = ink;
  const tabs = explorerTabs(report);
  const navigateTabs = (state: ViewState, action: ViewAction) => navigate(tabs, state, action);
  const valueWidths = tabs.map((t) => Math.min(VALUE_WIDTH, Math.max(0, ...t.rows.map((r) => r.value.length))));
  const s = report.summary;
  const heading = `relaudit explore · ${report.generatedAt.slice(0, 10)} · ${s.findings.critical} critical · ${s.findings.warning} warnings · ${s.findings.info} notes`;

  function Explorer(): ReactElement {
    const { exit } = useApp();
    const { stdout } = useStdout();
    const [state, dispatch] = React.useReducer(navigateTabs, tabs, initialView);
    React.useEffect(() => {
      if (state.quit) exit();
    }, [state.quit, exit]);
    // One line short of the screen: Ink rewrites its frame in place only while it fits.
    const height = Math.max(10, (options.rows ?? stdout.rows ?? 24) - 1);
    const width = Math.max(40, Math.min(options.columns ?? stdout.columns ?? 80, 140));
    const tabIndex = state.tab;
    const expanded = state.expanded;
    const tab = tabs[tabIndex];
    const selected = state.cursor[tabIndex];
    const row = tab.rows[selected] as Row | undefined;
    const detailHeight = Math.max(3, Math.floor((height - 5) / 3));
    const listHeight = Math.max(1, height - 5 - detailHeight);

    // Keys become actions, and the reducer applies them to the current state: keys arriving together (a paste,
    // a fast typist) are each applied in turn, never to a stale copy.
    useInput((input, key) => {
      const action = keyAction(input, key, listHeight);
      if (action) dispatch(action);
    });

    const tabBar = h(
      Box,
      { width },
      ...tabs.map((t, i) =>
        h(Text, { key: t.id, inverse: i === tabIndex, bold: i === tabIndex }, ` ${i + 1} ${t.title} ${t.rows.length} `),
      ),
    );
    const footer = h(
      Text,
      { dimColor: true, wrap: "truncate-end" },
      expanded
        ? "enter/esc back · q quit"
        : `←→ tabs · ↑↓ move · enter details · q quit${tab.rows.length ? ` · ${selected + 1}/${tab.rows.length}` : ""}`,
    );

    const frame: Frame = { heading, tabBar, footer, width, height };
    if (expanded && row) return expandedScreen(components, frame, row);
    return listScreen(components, frame, {
      tab,
      selected,
      row,
      listHeight,
      detailHeight,
      valueWidth: valueWidths[tabIndex],
    });
  }

  return h(Explorer);
}

/** Runs the explorer on the terminal until the user quits. */
export async function runExplorer(report: Report, options: ExplorerOptions): Promise<void> {
  const modules = await loadModules();
  const instance = modules.ink.render(explorerElement(modules, report, options), { exitOnCtrlC: true });
  await instance.waitUntilExit();
}
