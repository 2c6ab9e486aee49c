#!/usr/bin/env Rscript
# R reference for automatic ARIMA on the Box-Cox scale (issue 14): forecast(auto.arima(x, lambda = 0)) and
# forecast(auto.arima(x, lambda = "auto")) on every M3 yearly series (the shared benchmark's train.csv),
# horizon 6, 95 % intervals. One row per series and lambda: the lambda used (Guerrero's choice for "auto", as
# BoxCox(x, "auto"), search -0.9 to 2), R's model name, and the point forecast and 95 % bounds at h = 1 and
# h = 6 (9 significant digits; NA where R's back-transformation has no value, lambda < 0). A fit that
# fails gets model "error".
#
#   Rscript scripts/r/arima-boxcox-reference.R train=../shared/benchmarks/m3-yearly/train.csv \
#       out=test/forecast/fixtures/r-arima-boxcox.csv
#
# Needs R with the forecast package (Debian: r-base-core r-cran-forecast). Read by
# test/forecast/arimaBoxCox.test.ts.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
opt <- list(train = "../shared/benchmarks/m3-yearly/train.csv", out = "r-arima-boxcox.csv", h = "6")
for (a in args) {
  kv <- regmatches(a, regexpr("=", a), invert = TRUE)[[1]]
  opt[[kv[1]]] <- kv[2]
}
h <- as.integer(opt$h)
d <- read.csv(opt$train, colClasses = c("character", "integer", "numeric"))
d <- d[order(d$id, d$t), ]
s <- split(d$value, factor(d$id, levels = unique(d$id)))
ids <- names(s)[order(as.integer(sub("^[^0-9]*", "", names(s))))]
fmt <- function(v) ifelse(is.na(v), "NA", trimws(formatC(v, digits = 9, format = "g")))
rows <- character(0)
t0 <- proc.time()[["elapsed"]]
for (id in ids) {
  x <- ts(s[[id]])
  for (lam in list(0, "auto")) {
    tag <- if (identical(lam, "auto")) "auto" else "log"
    fc <- tryCatch(forecast(auto.arima(x, lambda = lam), h = h, level = 95), error = function(e) NULL)
    if (is.null(fc)) {
      rows[length(rows) + 1] <- paste(id, tag, "", "error", "", "", "", "", "", "", sep = ",")
      next
    }
    l <- fc$model$lambda
    nums <- c(fc$mean[1], fc$mean[h], fc$lower[1, 1], fc$lower[h, 1], fc$upper[1, 1], fc$upper[h, 1])
    rows[length(rows) + 1] <- paste(id, tag, fmt(l), paste0('"', fc$method, '"'), paste(fmt(nums), collapse = ","), sep = ",")
  }
}
secs <- proc.time()[["elapsed"]] - t0
writeLines(c(
  sprintf("# R %s, forecast %s; scripts/r/arima-boxcox-reference.R; %d series, %.1f s", getRversion(), packageVersion("forecast"), length(ids), secs),
  sprintf("id,lambda,value,model,mean1,mean%d,lo1,lo%d,hi1,hi%d", h, h, h), rows), opt$out)
