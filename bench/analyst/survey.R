# The same work as `cohesion survey estimate` in R survey, for bench/survey.sh: a stratified clustered design,
# raking to three margins (rake(), R's default control), the overall mean, and svyby(svymean) for the first K
# domains (all 1,000 take R far too long on 200,000 rows: the script times K and bench/survey.sh scales it).
# Usage: Rscript survey.R DATA.csv MARGINS.txt K OUT.csv   (MARGINS.txt holds cohesion's --rake text)
# Prints lines "step seconds" to stdout; writes domain,estimate,se of the K domains to OUT.csv.
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 4) stop("usage: Rscript survey.R DATA.csv MARGINS.txt K OUT.csv")
clock <- function() as.numeric(Sys.time())
t0 <- clock()
x <- read.csv(args[1], stringsAsFactors = FALSE)
t_read <- clock() - t0

# "col:LEVEL=N,LEVEL=N;col:..." into population data frames and margin formulas.
spec <- strsplit(trimws(readLines(args[2], warn = FALSE)), ";")[[1]]
pops <- lapply(spec, function(m) {
  col <- sub(":.*", "", m)
  pairs <- strsplit(sub("^[^:]*:", "", m), ",")[[1]]
  p <- data.frame(sub("=.*", "", pairs), as.numeric(sub(".*=", "", pairs)), stringsAsFactors = FALSE)
  names(p) <- c(col, "Freq")
  p
})
margins <- lapply(pops, function(p) as.formula(paste0("~", names(p)[1])))

t0 <- clock()
d <- svydesign(id = ~psu, strata = ~stratum, nest = TRUE, weights = ~w, data = x)
r <- rake(d, margins, pops)
t_rake <- clock() - t0

t0 <- clock()
m <- svymean(~y, r, na.rm = TRUE)
t_mean <- clock() - t0

k <- as.integer(args[3])
domains <- sort(unique(x$domain))
keep <- domains[seq_len(min(k, length(domains)))]
r <- update(r, dsub = ifelse(domain %in% keep, domain, NA))
t0 <- clock()
b <- svyby(~y, ~dsub, r, svymean, na.rm = TRUE)
t_by <- clock() - t0
write.csv(data.frame(domain = b$dsub, estimate = coef(b), se = SE(b)), args[4], row.names = FALSE)
cat(sprintf("read %.3f\nrake %.3f\nmean %.3f\nsvyby %.3f\ndomains %d\nall_domains %d\n", t_read, t_rake, t_mean, t_by, length(keep), length(domains)))
cat(sprintf("overall_mean %.10f %.10f\n", coef(m), SE(m)))
