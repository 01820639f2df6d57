# Reference values for test/signals/xmr.test.ts and runs.test.ts, computed independently of relaudit in base R.
# Run: Rscript test/reference/spc-reference.R
# XmR: mean, mean moving range, limits mean ± 2.66·mR̄ (NHS Making Data Count); Anhøj run rules exactly as
# qicharts2's runs.analysis (longest run > round(log2(n)) + 3, crossings < qbinom(0.05, n − 1, 0.5)).
xmr <- function(x) {
  mr <- mean(abs(diff(x)))
  c(mean = mean(x), mr = mr, lcl = mean(x) - 2.66 * mr, ucl = mean(x) + 2.66 * mr,
    l2 = mean(x) - 2 / 3 * 2.66 * mr, u2 = mean(x) + 2 / 3 * 2.66 * mr)
}
anhoej <- function(y) {
  cl <- median(y)
  runs <- sign(y - cl)
  runs <- runs[runs != 0]
  rl <- rle(runs)$lengths
  n <- length(runs)
  c(median = cl, useful = n, longest = max(rl), longest.max = round(log2(n)) + 3,
    crossings = length(rl) - 1, crossings.min = qbinom(0.05, n - 1, 0.5))
}
fmt <- function(v) paste(names(v), format(v, digits = 10), sep = "=", collapse = "  ")

cat("worked example (instruments.md):", fmt(xmr(c(20,24,20,26,22,16,18,16,31,28,34,26,30,19,18))), "\n")
assurance <- c(16,24,22,19,19,18,24,25,18,17,16,25,15,23,19,35,32,35,31,27,33,28,38,35,30,28,29,27,24,23)
cat("assurance, all 30:", fmt(xmr(assurance)), "\n")
cat("assurance, points 16-30 (after a recalculation):", fmt(xmr(assurance[16:30])), "\n")
cat("screening example, all:", fmt(xmr(c(10,11,10,12,11,10,40,11,10,12,11,10,11,12))), "\n")
mr <- abs(diff(c(10,11,10,12,11,10,40,11,10,12,11,10,11,12)))
kept <- mr[mr <= 3.267 * mean(mr)]
cat("screening example, screened mR̄:", format(mean(kept), digits = 10), " dropped:", length(mr) - length(kept), "\n")

# qicharts2's own CDI data (36 months): runs analysis of the whole series and of the 24 pre-intervention months.
cdi <- read.csv(file.path("..", "shared", "data", "spc", "qicharts2_cdi.csv"))
cat("cdi n, all 36:", fmt(anhoej(cdi$n)), "\n")
cat("cdi n, pre (", sum(cdi$period == "pre"), "):", fmt(anhoej(cdi$n[cdi$period == "pre"])), "\n")
cat("short series:", fmt(anhoej(c(3,5,4,6,5,7,6,8,7,9,8,10))), "\n")
cat("shift series:", fmt(anhoej(c(5,6,5,6,5,6,9,9,9,9,9,9))), "\n")
for (n in c(1, 2, 10, 11, 12, 24, 100, 1000, 3000)) cat("qbinom(0.05,", n, ", 0.5) =", qbinom(0.05, n, 0.5), "\n")
