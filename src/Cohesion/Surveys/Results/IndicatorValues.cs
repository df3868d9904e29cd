using Cohesion.Surveys.ItemBank;

namespace Cohesion.Surveys.Results;

/// <summary>Each respondent's value of an indicator, from their answers: the variable a proportion or mean is estimated of.</summary>
public static class IndicatorValues
{
    /// <summary>
    /// The indicator per row; NaN where the respondent is outside its base.
    /// <list type="bullet">
    /// <item>PositiveShare: 1 if the answer is a positive option, 0 for any other opinion option; NaN for no answer or a
    /// non-opinion ("don't know", "too few people in local area"). As the Community Life Survey and NI 1 report
    /// "positive among those expressing an opinion".</item>
    /// <item>AnyPositive: 1 if any item's answer is positive; 0 if at least one item has an opinion answer and none is
    /// positive; NaN otherwise (the Citizenship Survey's "mixes at least monthly in any setting").</item>
    /// <item>Mean: the answer's value (thermometer rating, number, or option score).</item>
    /// <item>Scale: Σ scores with reverse-scored items as (max + min − score), prorated when at least
    /// <see cref="Indicator.MinimumAnswered"/> items are answered: mean of answered × item count; NaN below that.
    /// Source: Sampson, Raudenbush &amp; Earls (1997); proration as in the PHDCN scale construction.</item>
    /// </list>
    /// </summary>
    public static double[] Of(Indicator indicator, SurveyData data)
    {
        var values = new double[data.Rows];
        Array.Fill(values, double.NaN);
        var columns = indicator.ItemCodes.Select(data.Column).OfType<ItemColumn>().ToArray();
        if (columns.Length == 0) return values;
        switch (indicator.Kind)
        {
            case IndicatorKind.PositiveShare:
            case IndicatorKind.AnyPositive:
                for (var r = 0; r < data.Rows; r++)
                {
                    bool any = false, opinion = false;
                    foreach (var c in columns)
                    {
                        if (c.Item.Option(c.Choices[r]) is not { } o || !o.Opinion) continue;
                        opinion = true;
                        any |= o.Positive;
                    }
                    values[r] = any ? 1 : opinion ? 0 : double.NaN;
                }
                break;
            case IndicatorKind.Mean:
                Array.Copy(columns[0].Values, values, data.Rows);
                break;
            case IndicatorKind.Scale:
                for (var r = 0; r < data.Rows; r++)
                {
                    double sum = 0;
                    var answered = 0;
                    foreach (var c in columns)
                    {
                        var v = c.Values[r];
                        if (double.IsNaN(v)) continue;
                        var (low, high) = ScoreRange(c.Item);
                        sum += c.Item.Reverse ? high + low - v : v;
                        answered++;
                    }
                    if (answered >= Math.Max(1, indicator.MinimumAnswered)) values[r] = sum / answered * indicator.ItemCodes.Count;
                }
                break;
        }
        return values;
    }

    static (double Low, double High) ScoreRange(Item item)
    {
        var scores = item.Options.Where(o => o.Score is not null).Select(o => o.Score!.Value).ToList();
        return scores.Count == 0 ? (item.Min, item.Max) : (scores.Min(), scores.Max());
    }
}
