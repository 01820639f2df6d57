// The peer in the bench (issue 15): scripts/bench/peer.py — pandas + python-igraph computing density, reciprocity,
// E-I, exact betweenness and articulation points on the same files — timed end to end in the same run as relaudit,
// when a python3 with both is present (Debian: apt-get install python3-pandas python3-igraph).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

/** The first python3 that imports pandas and igraph (PATH first, then the system's), or null. */
export function findPeerPython() {
  for (const python of ["python3", "/usr/bin/python3"]) {
    const probe = spawnSync(python, ["-c", "import pandas, igraph"], { stdio: "ignore" });
    if (probe.status === 0) return python;
  }
  return null;
}

/** One timed run of the peer on a system's folder: wall time as the bench measures relaudit's, and its figures. */
export function runPeer(root, python, dir) {
  const config = JSON.parse(readFileSync(join(dir, "relaudit.config.json"), "utf8"));
  const attributes = (config.boundaries ?? []).join(",");
  const t0 = performance.now();
  const child = spawnSync(python, [join(root, "scripts", "bench", "peer.py"), dir, attributes], { encoding: "utf8" });
  const wallMs = performance.now() - t0;
  if (child.status !== 0) throw new Error(`peer.py failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
  return { wallMs, ...JSON.parse(child.stdout) };
}

/** Whether relaudit and the peer saw the same network: ties, density and reciprocity of the relaudit report. */
export function sameNetwork(report, peer) {
  const n = report.network;
  const close = (a, b) => a !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return (
    Boolean(n) && n.tieCount === peer.ties && close(n.density, peer.density) && close(n.reciprocity, peer.reciprocity)
  );
}
