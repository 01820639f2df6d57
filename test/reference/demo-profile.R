# Profile of the committed demo system (fixtures/demo), measured with igraph and psych, written to
# test/reference/demo-profile.json. test/demo/format.test.ts checks its own tie counts against these values; the
# rest documents how realistic the demo is (see docs/methods.md#demo-system). Rerun after regenerating the demo:
#   Rscript test/reference/demo-profile.R
# (Debian r-cran-igraph 1.3.5, r-cran-psych 2.2.9, r-cran-jsonlite.)
suppressMessages({ library(igraph); library(psych); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
demo <- file.path(here, "..", "..", "fixtures", "demo")

people <- read.csv(file.path(demo, "people.csv"), stringsAsFactors = FALSE)
rows <- read.csv(file.path(demo, "interactions.csv"), stringsAsFactors = FALSE)
g <- simplify(graph_from_data_frame(rows[, c("from", "to")], directed = TRUE, vertices = people), remove.multiple = TRUE, remove.loops = TRUE)
ends <- as_edgelist(g)
attr_of <- function(col) list(people[[col]][match(ends[, 1], people$id)], people[[col]][match(ends[, 2], people$id)])
ei <- function(col) { a <- attr_of(col); (sum(a[[1]] != a[[2]]) - sum(a[[1]] == a[[2]])) / nrow(ends) }
u <- as.undirected(g, mode = "collapse")

survey <- read.csv(file.path(demo, "survey.csv"), stringsAsFactors = FALSE, na.strings = "")
ps <- survey[, paste0("PS", 1:7)]; ps[, c(1, 3, 5)] <- 8 - ps[, c(1, 3, 5)]
tr <- survey[, paste0("TR", 1:4)]; tr[, 3] <- 6 - tr[, 3]
labels <- c("Strongly disagree" = 1, "Disagree" = 2, "Neither agree nor disagree" = 3, "Agree" = 4, "Strongly agree" = 5)
rl <- as.data.frame(lapply(survey[, paste0("RL", 1:5)], function(x) unname(labels[x])))
alpha_of <- function(x) psych::alpha(x, warnings = FALSE)$total

profile <- list(
  people = vcount(g),
  ties = ecount(g),
  density = edge_density(g),
  reciprocity = reciprocity(g),
  eiOrganisation = ei("organisation"),
  eiTeam = ei("team"),
  eiProfession = ei("profession"),
  meanDegreeUndirected = mean(degree(u)),
  transitivity = transitivity(u),
  components = components(u)$no,
  alpha = list(
    psychological_safety = alpha_of(ps)$raw_alpha,
    trust = alpha_of(tr)$raw_alpha,
    relational_leadership = alpha_of(rl)$raw_alpha
  ),
  scaleMeans = list(psychological_safety = alpha_of(ps)$mean, trust = alpha_of(tr)$mean, relational_leadership = alpha_of(rl)$mean)
)
write(toJSON(profile, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "demo-profile.json"))
