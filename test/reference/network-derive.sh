#!/usr/bin/env bash
# Regenerates every reference file in test/fixtures/networks/expected/ from the canonical network folders.
# Needs Debian's r-cran-igraph r-cran-sna r-cran-jsonlite python3-networkx. Run from the repo root.
set -euo pipefail
data="${1:-../shared/data/networks}"
out=test/fixtures/networks/expected
mkdir -p "$out"
for name in lazega_advice krackhardt_advice hospital invs15 email_eu_core; do
  Rscript test/reference/network-igraph-sna.R "$data" "$name" "$out/$name.igraph-sna.json"
  /usr/bin/python3 test/reference/network-networkx.py "$data" "$name" "$out/$name.networkx.json"
done
