#!/usr/bin/env Rscript
# R reference for dotm (issue 14): forecTheta's dotm(), the Dynamic Optimised Theta Model of Fiorucci et al.
# (2016), on each of the 645 M3 yearly series, whole and cut to their last 8 values: fitted parameters
# (ell0, alpha, theta), the residual standard deviation from the third residual on (the one its intervals
# use) and the point forecasts for h = 1..6.
#   FORECTHETA=<path to forecTheta's R/forecastFunctions.R> Rscript scripts/r/dotm-reference.R
# forecTheta (CRAN, GPL >= 2) is not packaged by Debian: point FORECTHETA at its R source file (the package
# needs forecast and tseries: apt-get install -y r-base-core r-cran-forecast r-cran-tseries).
# Reads ../shared/benchmarks/m3-yearly/train.csv (M3 yearly, via the Mcomp R package).
suppressPackageStartupMessages({ library(forecast); library(tseries) })
source(Sys.getenv("FORECTHETA"))
d <- read.csv(Sys.getenv("TRAIN", "../shared/benchmarks/m3-yearly/train.csv"), colClasses = c("character", "integer", "numeric"))
d <- d[order(d$id, d$t), ]
s <- split(d$value, factor(d$id, levels = unique(d$id)))
ids <- names(s)[order(as.integer(sub("^[^0-9]*", "", names(s))))]
out <- c("id,n,ell0,alpha,theta,sigma,mean1,mean2,mean3,mean4,mean5,mean6")
f <- function(v) trimws(formatC(v, digits = 12, format = "g"))
for (id in ids) for (cut in c(0, 8)) {
  v <- s[[id]]
  if (cut > 0) v <- tail(v, cut)
  fc <- dotm(ts(v), h = 6, level = NULL)
  n <- length(v)
  out <- c(out, paste(id, n, f(fc$par[1]), f(fc$par[2]), f(fc$par[3]), f(sd(fc$residuals[3:n])), paste(f(fc$mean), collapse = ","), sep = ","))
}
writeLines(out, Sys.getenv("OUT", "test/forecast/fixtures/r-dotm.csv"))
