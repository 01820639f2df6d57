# Reference values for the network audit (issue 4), derived with igraph and sna — not with relaudit.
# Usage (from the repo root):
#   Rscript test/reference/network-igraph-sna.R <networks-folder> <name> <out.json>
# Debian: apt-get install -y r-cran-igraph r-cran-sna r-cran-jsonlite  (igraph 1.3.5, sna 2.7-1 when written)
# Reads <networks-folder>/<name>/{nodes.csv,edges.csv,meta.json}; nodes.csv has `id` and `group`.
# The graph is built WITHOUT a weight attribute: every metric here is on the unweighted simple graph.
suppressMessages({ library(igraph); library(sna); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
folder <- file.path(args[1], args[2])
meta <- fromJSON(file.path(folder, "meta.json"))
nodes <- read.csv(file.path(folder, "nodes.csv"), colClasses = "character")
edges <- read.csv(file.path(folder, "edges.csv"), colClasses = "character")
directed <- meta$directed == 1
g <- graph_from_data_frame(edges[, c("source", "target")], directed = directed, vertices = nodes[, c("id", "group")])
g <- simplify(g, remove.multiple = TRUE, remove.loops = TRUE)
ids <- V(g)$name
n <- vcount(g)

bet <- igraph::betweenness(g, directed = directed, normalized = FALSE)
betn <- igraph::betweenness(g, directed = directed, normalized = TRUE)
con <- igraph::constraint(g)
adj <- as.matrix(as_adjacency_matrix(g, sparse = FALSE))
br <- sna::brokerage(adj, V(g)$group)$raw.nli
ap <- sort(ids[as.integer(igraph::articulation_points(as.undirected(g)))])

per <- lapply(seq_len(n), function(i) list(
  betweenness = unname(bet[i]), betweennessNormalised = unname(betn[i]),
  constraint = if (is.nan(con[i])) NULL else unname(con[i]),
  brokerage = list(coordinator = br[i, "w_I"], itinerant = br[i, "w_O"], representative = br[i, "b_IO"],
                   gatekeeper = br[i, "b_OI"], liaison = br[i, "b_O"], total = br[i, "t"])))
names(per) <- ids
out <- list(
  source = "igraph + sna",
  versions = list(igraph = as.character(packageVersion("igraph")), sna = as.character(packageVersion("sna"))),
  name = args[2], directed = directed, n = n, ties = ecount(g),
  density = edge_density(g, loops = FALSE),
  reciprocity = igraph::reciprocity(g),
  pairReciprocity = igraph::reciprocity(g, mode = "ratio"),
  articulationPoints = ap,
  people = per)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = FALSE), args[3])
