# Reference values for test/signals/{leading,survey-signals,people-links}.test.ts, computed in base R, independently
# of relaudit. Run: Rscript test/reference/signals-reference.R
x <- c(12, 15, 11, 14, 18, 16, 13, 17, 19, 15, 14, 18, 20, 17, 16, 19)
y <- c(30, 28, 33, 29, 31, 35, 32, 30, 34, 36, 31, 33, 37, 35, 32, 36)
# AR(1) by Yule-Walker = lag-1 autocorrelation (acf divides by the full sum of squares).
phi <- acf(x, lag.max = 1, plot = FALSE)$acf[2]
cat("ar1(x) =", format(phi, digits = 12), "\n")
pw <- function(v, phi) c(NA, v[-1] - phi * v[-length(v)])
xp <- pw(x, phi); yp <- pw(y, phi)
for (k in 0:3) {
  n <- length(x)
  a <- xp[1:(n - k)]; b <- yp[(1 + k):n]
  ok <- !is.na(a) & !is.na(b)
  cat("prewhitened cor lag", k, "=", format(cor(a[ok], b[ok]), digits = 12), " n =", sum(ok), "\n")
}
cat("raw cor lag 2 =", format(cor(x[1:14], y[3:16]), digits = 12), "\n")
# Fisher z test and interval at r = 0.6, n = 20.
r <- 0.6; n <- 20
z <- atanh(r) * sqrt(n - 3)
cat("fisher p(r=0.6,n=20) =", format(2 * pnorm(-abs(z)), digits = 12), " ci =", format(tanh(atanh(r) + c(-1, 1) * qnorm(0.975) / sqrt(n - 3)), digits = 12), "\n")
cat("holm:", format(p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), method = "holm"), digits = 12), "\n")
cat("P(X >= 3 | 15, 0.05) =", format(pbinom(2, 15, 0.05, lower.tail = FALSE), digits = 12), "\n")
cat("P(X >= 7 | 18, 0.08) =", format(pbinom(6, 18, 0.08, lower.tail = FALSE), digits = 12), "\n")
cat("P(X >= 1 | 10, 0.3) =", format(pbinom(0, 10, 0.3, lower.tail = FALSE), digits = 12), "\n")
