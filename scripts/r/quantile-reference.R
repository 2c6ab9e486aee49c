#!/usr/bin/env Rscript
# R reference for type-7 sample quantiles (issue 17): R's quantile(x, p, type = 7) on five data sets (small,
# tied, normal, skewed with heavy ties, wide-ranging), every number written with 17 significant digits so
# that the test can ask for equality to the last bit or two.
#   Rscript scripts/r/quantile-reference.R   (writes test/simulate/fixtures/r-quantile7.csv)
set.seed(20261206)
sets <- list(
  small = c(3, 1, 4, 1, 5),
  ten = 10:1,
  normal = rnorm(101),
  ties = round(rexp(1000) * 3),
  wide = exp(runif(257, -20, 20)) * sample(c(-1, 1), 257, replace = TRUE)
)
p <- c(0, 0.001, 0.05, 0.1, 0.25, 1 / 3, 0.5, 0.75, 0.9, 0.95, 0.999, 1)
f <- function(v) sprintf("%.17g", v)
out <- c("set,kind,index,value")
for (name in names(sets)) {
  x <- sets[[name]]
  q <- quantile(x, p, type = 7, names = FALSE)
  for (i in seq_along(x)) out <- c(out, paste(name, "value", i - 1, f(x[i]), sep = ","))
  for (i in seq_along(p)) out <- c(out, paste(name, paste0("q", f(p[i])), i - 1, f(q[i]), sep = ","))
}
writeLines(out, Sys.getenv("OUT", "test/simulate/fixtures/r-quantile7.csv"))
