namespace Cohesion.Analytics.Segregation;

/// <summary>
/// Diversity of each unit's own mix (area-level, for maps and area profiles), by <see cref="Diversity"/>:
/// Simpson's 1 − Σₖ pᵢₖ² and Shannon's −Σₖ pᵢₖ ln pᵢₖ over the listed groups. NaN for a unit with no people.
/// </summary>
public static class AreaDiversity
{
    /// <summary>Simpson's diversity of each unit (see <see cref="Diversity.Simpson"/>).</summary>
    public static void Simpson(GroupCounts counts, Span<double> values) => Each(counts, values, static c => Diversity.Simpson(c));

    /// <summary>Shannon entropy of each unit, natural logarithm (see <see cref="Diversity.Shannon"/>).</summary>
    public static void Shannon(GroupCounts counts, Span<double> values) => Each(counts, values, static c => Diversity.Shannon(c));

    delegate double UnitMeasure(ReadOnlySpan<double> counts);

    static void Each(GroupCounts counts, Span<double> values, UnitMeasure measure)
    {
        if (values.Length != counts.Units) throw new ArgumentException($"need one value per unit: {counts.Units} units, space for {values.Length}");
        Span<double> row = counts.Groups <= 64 ? stackalloc double[counts.Groups] : new double[counts.Groups];
        for (var i = 0; i < counts.Units; i++)
        {
            for (var k = 0; k < counts.Groups; k++) row[k] = counts[i, k];
            values[i] = measure(row);
        }
    }
}
