namespace Cohesion.Analytics.Disclosure;

/// <summary>Rounding to a base as the alternative disclosure policy to suppression.</summary>
public static class Rounding
{
    /// <summary>
    /// Rounds a count to the nearest multiple of <paramref name="base"/> (halves away from zero), so 1..B/2−1
    /// become 0 and small counts cannot be told apart. Each figure, totals included, is rounded on its own,
    /// so published rows may not add to published totals: that is the protection, and it is said beside the
    /// table. Source: ONS (2021) Census 2021 statistical disclosure control; Hundepool et al. (2012) §5.4.
    /// </summary>
    public static long ToBase(long value, int @base)
    {
        if (@base < 1) throw new ArgumentOutOfRangeException(nameof(@base), "the rounding base must be 1 or more");
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "counts are never negative");
        return (value + @base / 2) / @base * @base;
    }
}
