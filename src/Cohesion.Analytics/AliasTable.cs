namespace Cohesion.Analytics;

/// <summary>
/// Walker's alias method with Vose's construction (Vose, M. D. (1991) A linear algorithm for generating random
/// numbers with a given distribution. IEEE Transactions on Software Engineering 17, 972–975): draws an index with
/// probability proportional to its weight in constant time, exactly up to the rounding of the probabilities to
/// doubles. The caller brings the randomness (<see cref="Pick"/>), so any generator can drive it.
/// </summary>
public sealed class AliasTable
{
    readonly double[] _accept;
    readonly int[] _alias;

    /// <summary>The number of indices.</summary>
    public int Count => _accept.Length;

    /// <summary>A table for finite, non-negative weights; if they are all zero, every index is equally likely.</summary>
    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        if (n == 0) throw new ArgumentException("no weights", nameof(weights));
        double total = 0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w)) throw new ArgumentException("weights must be finite and not negative", nameof(weights));
            total += w;
        }
        _accept = new double[n];
        _alias = new int[n];
        if (total <= 0)
        {
            Array.Fill(_accept, 1.0);
            for (var i = 0; i < n; i++) _alias[i] = i;
            return;
        }
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = n - 1; i >= 0; i--)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _accept[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }
        // What is left has probability 1 up to rounding, except an index of weight 0 that rounding left without a
        // partner: it must never be drawn, so it always defers to one that has weight.
        var someReal = weights.IndexOfAnyExcept(0.0);
        foreach (var i in large) { _accept[i] = 1; _alias[i] = i; }
        foreach (var i in small) { _accept[i] = weights[i] > 0 ? 1 : 0; _alias[i] = weights[i] > 0 ? i : someReal; }
    }

    /// <summary>The draw for a column chosen uniformly from 0..Count−1 and an independent uniform u in [0, 1).</summary>
    public int Pick(int column, double u) => u < _accept[column] ? column : _alias[column];
}
