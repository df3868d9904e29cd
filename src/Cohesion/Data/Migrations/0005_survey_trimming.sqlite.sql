-- 0005 Survey weight trimming (SQLite): optional bounds on a survey's weights, as multiples of the mean weight
-- (lower 0 to under 1, upper over 1). Existing surveys are not trimmed (both null).
ALTER TABLE "sv_surveys" ADD COLUMN "weight_trim_lower" REAL NULL;
ALTER TABLE "sv_surveys" ADD COLUMN "weight_trim_upper" REAL NULL;
