// The terminal: colour on a TTY only, fits the window (80 columns when there is none).
import { renderTerminal } from "../terminal.js";
import { renderSignalsTerminal } from "../signals-terminal.js";
import type { TextFormat } from "./types.js";

export const terminal: TextFormat = {
  name: "terminal",
  description: "for reading in a terminal (the default on a TTY)",
  target: "stdout",
  render: (report, options) => renderTerminal(report, options),
  renderSignals: (report, options) => renderSignalsTerminal(report, options),
};
