# Reference values for test/survey/*.test.ts, derived with R psych (Debian r-cran-psych 2.2.9) and base R stats.
# Run from the repository root:  Rscript test/reference/survey-reference.R
# Writes test/reference/survey-reference.json. The bfi part runs only when ../shared/data/bfi.csv exists
# (GPL data: only these summary figures are kept, never the data).
suppressPackageStartupMessages({ library(psych); library(jsonlite) })

alpha_figures <- function(x) {
  a <- psych::alpha(x, check.keys = FALSE, warnings = FALSE)
  list(
    alpha = a$total$raw_alpha, alphaStandardised = a$total$std.alpha, averageR = a$total$average_r,
    mean = a$total$mean, sd = a$total$sd,
    items = lapply(seq_len(ncol(x)), function(i) list(
      id = colnames(x)[i], mean = a$item.stats$mean[i], sd = a$item.stats$sd[i], n = a$item.stats$n[i],
      rDrop = a$item.stats$r.drop[i], alphaIfDeleted = a$alpha.drop$raw_alpha[i]))
  )
}

# Person score with a minimum answered share: mean of answered items when answered >= ceiling(share * k).
scores_with_minimum <- function(x, share) {
  answered <- rowSums(!is.na(x))
  s <- rowMeans(x, na.rm = TRUE)
  s[answered < ceiling(share * ncol(x))] <- NA
  s
}

two_sample <- function(x, y) {
  w <- t.test(y, x, var.equal = FALSE)
  mw <- wilcox.test(y, x, exact = FALSE, correct = TRUE)
  n1 <- length(x); n2 <- length(y)
  sp <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / (n1 + n2 - 2))
  d <- (mean(y) - mean(x)) / sp
  J <- 1 - 3 / (4 * (n1 + n2) - 9)
  list(difference = unname(mean(y) - mean(x)), ci = unname(as.numeric(w$conf.int)), t = unname(w$statistic),
       df = unname(w$parameter), p = w$p.value, u = unname(mw$statistic), pMannWhitney = mw$p.value,
       hedgesG = J * d)
}

out <- list()

# 1. Small fixture shipped with the repo: 4 items 1-5, Q3 reverse keyed (6 - x), missing answers.
small <- read.csv("test/fixtures/survey/small-scale.csv", stringsAsFactors = FALSE)
items <- small[, c("Q1", "Q2", "Q3", "Q4")]
items$Q3 <- 6 - items$Q3
out$small <- alpha_figures(items)
small$score <- scores_with_minimum(items, 0.5)
out$small$scoreMean <- mean(small$score, na.rm = TRUE)
out$small$scoreN <- sum(!is.na(small$score))
w1 <- small$score[small$wave == "2025-03" & !is.na(small$score)]
w2 <- small$score[small$wave == "2025-09" & !is.na(small$score)]
out$small$waveChange <- two_sample(w1, w2)
# Alpha within the latest wave (the headline the analysis reports).
out$small$latestWave <- alpha_figures(items[small$wave == "2025-09", ])
out$small$latestWave$scoreMean <- mean(w2)
out$small$latestWave$scoreSd <- sd(w2)
out$small$latestWave$scoreCi <- as.numeric(t.test(w2)$conf.int)
scored <- small[!is.na(small$score), ]
out$small$teamMeans <- lapply(split(scored, list(scored$wave, scored$team), sep = "|"), function(g) list(n = nrow(g), mean = mean(g$score)))
# Keying mistake: Q3 left unreversed.
unkeyed <- small[small$wave == "2025-09", c("Q1", "Q2", "Q3", "Q4")]
out$small$unkeyed <- alpha_figures(unkeyed)

# 2. Two-sample tests on hand-made samples with ties (Mann-Whitney tie correction).
out$ties <- two_sample(c(1, 2, 2, 3, 3, 3, 4, 5), c(2, 3, 4, 4, 4, 5, 5, 5, 5))
out$tCdf <- list(p = pt(c(-2.5, -1, 0.3, 1.7), df = c(3, 7.5, 12, 40)), q = qt(0.975, df = c(1, 2.5, 10, 100)))
out$normal <- pnorm(c(-3, -1.959963984540054, -0.5, 0, 1.2))

# 3. bfi (psychTools): keys A1 C4 C5 E1 E2 O2 O5 reversed beforehand as 7 - x (items are 1-6).
bfi_path <- "../shared/data/bfi.csv"
if (file.exists(bfi_path)) {
  bfi <- read.csv(bfi_path)
  for (k in c("A1", "C4", "C5", "E1", "E2", "O2", "O5")) bfi[[k]] <- 7 - bfi[[k]]
  out$bfi <- list()
  for (s in c("A", "C", "E", "N", "O")) {
    x <- bfi[, paste0(s, 1:5)]
    fig <- alpha_figures(x)
    half <- scores_with_minimum(x, 0.5)
    fig$meanMinHalf <- mean(half, na.rm = TRUE)
    fig$nMinHalf <- sum(!is.na(half))
    out$bfi[[s]] <- fig
  }
}

writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/survey-reference.json")
