#!/usr/bin/env Rscript
# R reference for the library's Box-Cox transformations (issue 14): point forecasts and 95 % bounds of
# naive, rwf(drift = TRUE), holt and ets with lambda = 0 and lambda = "auto" (Guerrero, BoxCox's -0.9 lower
# bound), one biasadj = TRUE case each, and BoxCox.lambda(x) (method "guerrero", lower -1, upper 2), on M3
# yearly series (the shared benchmark's train.csv), horizon 6.
#
#   Rscript scripts/r/boxcox-reference.R train=../shared/benchmarks/m3-yearly/train.csv \
#       out=test/forecast/fixtures/r-boxcox.csv [every=16]
#
# Needs R with the forecast package (Debian: r-base-core r-cran-forecast). `every=k` keeps every k-th series
# (Y1, Y(1+k), ...), so the committed fixture stays small; every=1 gives all 645 for bench/forecast.ts.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
opt <- list(train = "../shared/benchmarks/m3-yearly/train.csv", out = "r-boxcox.csv", every = "16", h = "6")
for (a in args) {
  kv <- regmatches(a, regexpr("=", a), invert = TRUE)[[1]]
  opt[[kv[1]]] <- kv[2]
}
h <- as.integer(opt$h)
d <- read.csv(opt$train, colClasses = c("character", "integer", "numeric"))
d <- d[order(d$id, d$t), ]
s <- split(d$value, factor(d$id, levels = unique(d$id)))
ids <- names(s)[order(as.integer(sub("^[^0-9]*", "", names(s))))]
ids <- ids[seq(1, length(ids), by = as.integer(opt$every))]
fmt <- function(v) trimws(formatC(v, digits = 11, format = "g"))
rows <- character(0)
add <- function(id, method, lambda, fc) {
  for (i in seq_len(h)) {
    rows[length(rows) + 1] <<- paste(id, method, fmt(lambda), i, fmt(fc$mean[i]), fmt(fc$lower[i, 1]), fmt(fc$upper[i, 1]), sep = ",")
  }
}
for (id in ids) {
  x <- ts(s[[id]])
  lam_r <- BoxCox.lambda(x)
  lam_auto <- attr(BoxCox(x, "auto"), "lambda")
  rows[length(rows) + 1] <- paste(id, "lambda", fmt(lam_auto), 0, fmt(lam_r), "", "", sep = ",")
  for (lam in list(0, "auto")) {
    l <- if (identical(lam, "auto")) lam_auto else lam
    tag <- if (identical(lam, "auto")) "auto" else "log"
    add(id, paste0("naive-", tag), l, naive(x, h = h, level = 95, lambda = lam))
    add(id, paste0("drift-", tag), l, rwf(x, h = h, drift = TRUE, level = 95, lambda = lam))
    add(id, paste0("holt-", tag), l, holt(x, h = h, level = 95, lambda = lam))
    add(id, paste0("ets-", tag), l, forecast(ets(x, lambda = lam), h = h, level = 95))
    add(id, paste0("drift-", tag, "-biasadj"), l, rwf(x, h = h, drift = TRUE, level = 95, lambda = lam, biasadj = TRUE))
    add(id, paste0("ets-", tag, "-biasadj"), l, forecast(ets(x, lambda = lam, biasadj = TRUE), h = h, level = 95))
  }
}
writeLines(c(
  sprintf("# R %s, forecast %s; scripts/r/boxcox-reference.R every=%s", getRversion(), packageVersion("forecast"), opt$every),
  "id,method,lambda,h,mean,lower95,upper95", rows), opt$out)
