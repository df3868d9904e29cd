-- 0005 Survey weight trimming (PostgreSQL): see 0005_survey_trimming.sqlite.sql.
ALTER TABLE sv_surveys ADD COLUMN weight_trim_lower double precision;
ALTER TABLE sv_surveys ADD COLUMN weight_trim_upper double precision;
