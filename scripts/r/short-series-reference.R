#!/usr/bin/env Rscript
# R reference for short series (issue 14): ses, holt, holt(damped = TRUE) and ets on M3 yearly series cut to
# their last 5-9 points, where R switches to classical Holt-Winters fits (n <= 6 for ses and automatic ets, 8
# for holt, 9 for damped). Point forecast and 95 % bounds at h = 1 and 6, and the smoothing weights.
#   EVERY=40 OUT=test/forecast/fixtures/r-short.csv Rscript scripts/r/short-series-reference.R
# Reads ../shared/benchmarks/m3-yearly/train.csv (M3 yearly, via the Mcomp R package).
suppressPackageStartupMessages(library(forecast))
d <- read.csv(Sys.getenv("TRAIN", "../shared/benchmarks/m3-yearly/train.csv"), colClasses = c("character", "integer", "numeric"))
d <- d[order(d$id, d$t), ]
s <- split(d$value, factor(d$id, levels = unique(d$id)))
ids <- names(s)[order(as.integer(sub("^[^0-9]*", "", names(s))))]
ids <- ids[seq(1, length(ids), by = as.integer(Sys.getenv("EVERY", "40")))]
out <- c("id,n,method,h,mean,lower95,upper95,alpha,beta")
f <- function(v) trimws(formatC(v, digits = 11, format = "g"))
for (id in ids) for (n in c(5, 6, 7, 8, 9)) {
  x <- ts(tail(s[[id]], n))
  for (m in c("ses", "holt", "damped", "ets")) {
    fc <- suppressWarnings(switch(m, ses = ses(x, h = 6, level = 95), holt = holt(x, h = 6, level = 95), damped = holt(x, h = 6, damped = TRUE, level = 95), ets = forecast(ets(x), h = 6, level = 95)))
    p <- fc$model$par
    for (i in c(1, 6)) out <- c(out, paste(id, n, m, i, f(fc$mean[i]), f(fc$lower[i, 1]), f(fc$upper[i, 1]), f(p["alpha"]), f(ifelse(is.na(p["beta"]), 0, p["beta"])), sep = ","))
  }
}
writeLines(out, Sys.getenv("OUT", "test/forecast/fixtures/r-short.csv"))
