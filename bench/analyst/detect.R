# R surveillance on the first N series of a detect benchmark file: farringtonFlexible with the same settings as the
# C# run, timed per series, and its bounds and alarms written for comparison.
# Usage: Rscript detect.R INPUT.csv WEEKS N FIRST LAST OUT.csv   (prints "series N seconds S")
suppressMessages(library(surveillance))
a <- commandArgs(trailingOnly = TRUE)
d <- read.csv(a[1], stringsAsFactors = FALSE)
weeks <- as.integer(a[2]); n <- as.integer(a[3]); range <- as.integer(a[4]):as.integer(a[5])
names <- head(unique(d$series), n)
ctl <- list(range = range, b = 5, w = 3, noPeriods = 10, weightsThreshold = 2.58, pastWeeksNotIncluded = 26, pThresholdTrend = 1,
            alpha = 0.05, thresholdMethod = "nbPlugin", glmWarnings = FALSE)
y <- lapply(names, function(s) { v <- integer(weeks); r <- d[d$series == s, ]; v[r$week] <- r$count; v })
t0 <- proc.time()[["elapsed"]]
res <- lapply(seq_along(names), function(i) {
  r <- suppressWarnings(farringtonFlexible(sts(observed = y[[i]], frequency = 52, start = c(1, 1)), control = ctl))
  data.frame(series = names[i], time = range, upper = as.vector(r@upperbound), alarm = as.vector(r@alarm))
})
secs <- proc.time()[["elapsed"]] - t0
write.csv(do.call(rbind, res), a[6], row.names = FALSE, na = "")
cat("series", length(names), "seconds", secs, "\n")
