namespace Cohesion.Analytics.Segregation;

/// <summary>One way of drawing a set of counts shaped like the observed one.</summary>
abstract class Simulator
{
    /// <summary>Fills <paramref name="target"/> (cleared, same shape as the observed counts) with one draw.</summary>
    public abstract void Fill(ref IterationRandom rng, Span<double> target);

    /// <summary>The draw of a null model for <paramref name="observed"/>.</summary>
    public static Simulator For(NullModel model, GroupCounts observed) => model switch
    {
        NullModel.Systematic => new SystematicNull(observed),
        NullModel.Evenness => new EvennessNull(observed),
        _ => new UnitBootstrap(observed),
    };

    internal static long Whole(double count)
    {
        if (count != Math.Floor(count) || count > 1L << 53)
            throw new ArgumentException($"simulation needs whole-number counts; got {count}");
        return (long)count;
    }
}

/// <summary>
/// The systematic null (pysal <c>segregation</c>, null_approach="systematic"): each group's total is placed over
/// the units at random, every person independently, with chance tⱼ / T of landing in unit j: a multinomial draw
/// per group with the units' shares of the population. Group totals are kept; unit totals vary around the
/// observed ones. This is "no sorting at all": where anyone lives does not depend on their group.
/// </summary>
sealed class SystematicNull : Simulator
{
    /// <summary>
    /// Below this many people per unit a group is placed person by person (a few nanoseconds each) rather than by a
    /// binomial draw per unit (tens of nanoseconds each). Either way the draw is exactly the multinomial.
    /// </summary>
    const int OneByOneBelowPerUnit = 8;

    readonly Multinomial _units;
    readonly AliasTable? _alias;
    readonly long[] _groupTotals;
    readonly int _n;

    public SystematicNull(GroupCounts observed)
    {
        _n = observed.Units;
        _units = new Multinomial(observed.UnitTotals);
        _alias = observed.Total > 0 ? new AliasTable(observed.UnitTotals) : null;
        _groupTotals = new long[observed.Groups];
        for (var k = 0; k < observed.Groups; k++) _groupTotals[k] = Whole(observed.GroupTotals[k]);
        foreach (var t in observed.UnitTotals) Whole(t);
    }

    public override void Fill(ref IterationRandom rng, Span<double> target)
    {
        for (var k = 0; k < _groupTotals.Length; k++)
        {
            var people = _groupTotals[k];
            if (_alias is not null && people < (long)OneByOneBelowPerUnit * _n)
            {
                var column = target.Slice(k * _n, _n);
                for (var m = 0L; m < people; m++) column[_alias.Pick(rng.NextInt(_n), rng.NextDouble())]++;
            }
            else _units.Draw(ref rng, people, target, k * _n, 1);
        }
    }
}

/// <summary>
/// The evenness null (pysal null_approach="evenness", extended to K groups): each unit keeps its observed total tᵢ,
/// and its people are assigned to groups at random with the whole set's shares Pₖ: a multinomial draw per unit
/// (binomial for one group against the rest). Unit totals are kept; group totals vary.
/// </summary>
sealed class EvennessNull : Simulator
{
    readonly Multinomial _groups;
    readonly long[] _unitTotals;

    public EvennessNull(GroupCounts observed)
    {
        _groups = new Multinomial(observed.GroupTotals);
        _unitTotals = new long[observed.Units];
        for (var i = 0; i < observed.Units; i++) _unitTotals[i] = Whole(observed.UnitTotals[i]);
        for (var k = 0; k < observed.Groups; k++) foreach (var c in observed.Group(k)) Whole(c);
    }

    public override void Fill(ref IterationRandom rng, Span<double> target)
    {
        var n = _unitTotals.Length;
        for (var i = 0; i < n; i++) _groups.Draw(ref rng, _unitTotals[i], target, i, n);
    }
}

/// <summary>
/// The bootstrap of units: n units drawn from the observed ones with replacement, each bringing all its counts
/// (Efron, B. &amp; Tibshirani, R. J. (1993) An Introduction to the Bootstrap). Its spread is the index's sampling
/// variability, for a percentile confidence interval; it is not a null model. Counts need not be whole.
/// </summary>
sealed class UnitBootstrap(GroupCounts observed) : Simulator
{
    public override void Fill(ref IterationRandom rng, Span<double> target) => Resample(ref rng, observed, target);

    public static void Resample(ref IterationRandom rng, GroupCounts from, Span<double> target)
    {
        var n = from.Units;
        if (n == 0) return;
        for (var j = 0; j < n; j++)
        {
            var i = rng.NextInt(n);
            for (var k = 0; k < from.Groups; k++) target[k * n + j] = from[i, k];
        }
    }
}
