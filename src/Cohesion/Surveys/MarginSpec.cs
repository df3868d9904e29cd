using System.Globalization;
using Cohesion.Analytics.Surveys;
using Cohesion.Cli;
using Cohesion.Imports;

namespace Cohesion.Surveys;

/// <summary>Population counts of one variable's levels, from <c>--rake</c> text or a <c>--poststratify</c> file.</summary>
public sealed record MarginSpec(string Column, IReadOnlyList<(string Level, double Count)> Levels, string Source)
{
    /// <summary>Parses <c>"COL:LEVEL=N,LEVEL=N;COL:LEVEL=N,…"</c>.</summary>
    public static List<MarginSpec> ParseRake(string text)
    {
        var margins = new List<MarginSpec>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0) throw new CliException($"--rake: '{part}' should be COLUMN:LEVEL=COUNT,LEVEL=COUNT,…");
            var column = part[..colon].Trim();
            var levels = new List<(string, double)>();
            foreach (var pair in part[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries))
            {
                var eq = pair.LastIndexOf('=');
                if (eq <= 0) throw new CliException($"--rake: '{pair}' in the margin for '{column}' should be LEVEL=COUNT");
                var level = pair[..eq].Trim();
                var count = pair[(eq + 1)..].Trim();
                if (!double.TryParse(count, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !(n > 0) || !double.IsFinite(n))
                    throw new CliException($"--rake: the count '{count}' of level '{level}' of '{column}' must be a number greater than 0");
                if (levels.Any(l => l.Item1 == level)) throw new CliException($"--rake: level '{level}' of '{column}' is given twice");
                levels.Add((level, n));
            }
            if (margins.Any(m => m.Column == column)) throw new CliException($"--rake: '{column}' has two margins");
            margins.Add(new MarginSpec(column, levels, $"the --rake margin for '{column}'"));
        }
        if (margins.Count == 0) throw new CliException("--rake needs at least one margin: COLUMN:LEVEL=COUNT,…");
        return margins;
    }

    /// <summary>Parses <c>COL=FILE</c>, FILE a CSV with a header and two columns: level, population count.</summary>
    public static MarginSpec ParsePostStratify(string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1) throw new CliException($"--poststratify: '{text}' should be COLUMN=FILE");
        var column = text[..eq].Trim();
        var path = text[(eq + 1)..].Trim();
        using var csv = StrictCsv.Open(path);
        if (csv.Header.Length != 2) throw ImportFailedException.One(csv.FileName, 1, null, string.Join(",", csv.Header), "expected two columns: the level and its population count (e.g. stype,Freq)");
        var levels = new List<(string, double)>();
        var errors = new ImportErrors(csv.FileName);
        while (csv.Read())
        {
            var r = csv.Record;
            if (r.Length != 2) { errors.Add(csv.Line, null, null, $"expected 2 fields, found {r.Length}"); continue; }
            var level = r[0].Trim();
            if (!double.TryParse(r[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !(n > 0) || !double.IsFinite(n))
                errors.Add(csv.Line, csv.Header[1], r[1], "the population count must be a number greater than 0");
            else if (levels.Any(l => l.Item1 == level)) errors.Add(csv.Line, csv.Header[0], level, "this level is given twice");
            else levels.Add((level, n));
        }
        errors.ThrowIfAny();
        if (levels.Count == 0) throw ImportFailedException.One(csv.FileName, null, null, null, "the file has a header but no levels");
        return new MarginSpec(column, levels, csv.FileName);
    }

    /// <summary>
    /// The margin for the analytics: every level in the data must have a count (else an error at its first line)
    /// and every level with a count must appear in the data (else an error naming it).
    /// </summary>
    public CalibrationMargin ToMargin(SurveyTable table)
    {
        var text = table.Text(Column);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var l = 0; l < Levels.Count; l++) index[Levels[l].Level] = l;
        var codes = new int[text.Length];
        var seen = new bool[Levels.Count];
        var errors = new ImportErrors(table.File);
        var reported = new HashSet<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (SurveyTable.IsMissing(text[i])) { errors.Add(table.Line(i), Column, text[i], $"'{Column}' is weighted to population counts, so every row needs a value"); continue; }
            if (!index.TryGetValue(text[i], out var l))
            {
                if (reported.Add(text[i])) errors.Add(table.Line(i), Column, text[i], $"this level has no population count in {Source}");
                continue;
            }
            codes[i] = l;
            seen[l] = true;
        }
        for (var l = 0; l < Levels.Count; l++)
            if (!seen[l]) errors.Add(null, Column, Levels[l].Level, $"{Source} gives this level a population count ({Levels[l].Count:G}) but no row of the data has it");
        errors.ThrowIfAny();
        return new CalibrationMargin(Column, codes, [.. Levels.Select(l => l.Count)], [.. Levels.Select(l => l.Level)]);
    }
}
