namespace Cohesion.Analytics.Segregation;

/// <summary>
/// Counts of K groups in n units (the areas of one district, or any set of areas), stored group by group:
/// group k's counts for units 0..n−1 are contiguous, so a group's column is a span with no copying and the
/// two-group indices take it directly. Unit totals tᵢ (the sum of the K groups) and group totals are worked
/// out once, here, for every index that reads them.
/// </summary>
public sealed class GroupCounts
{
    readonly double[] _data;
    readonly double[] _unitTotals;
    readonly double[] _groupTotals;

    /// <summary>
    /// Counts laid out group by group: <paramref name="byGroup"/>[k·n + i] is group k in unit i. The array is
    /// kept, not copied. Counts must be finite and non-negative; they need not be whole (weighted counts work
    /// for the indices; simulation needs whole numbers).
    /// </summary>
    public GroupCounts(double[] byGroup, int units, int groups)
    {
        ArgumentNullException.ThrowIfNull(byGroup);
        if (units < 0 || groups < 1) throw new ArgumentOutOfRangeException(nameof(groups), "need at least one group and no negative number of units");
        if (byGroup.Length < (long)units * groups) throw new ArgumentException($"need {units}×{groups} counts, got {byGroup.Length}", nameof(byGroup));
        foreach (var c in byGroup.AsSpan(0, units * groups))
            if (!(c >= 0) || double.IsInfinity(c)) throw new ArgumentException("counts must be finite non-negative numbers", nameof(byGroup));
        _data = byGroup;
        Units = units;
        Groups = groups;
        _unitTotals = new double[units];
        _groupTotals = new double[groups];
        Recompute();
    }

    /// <summary>Counts given unit by unit (row-major, as a table of areas × groups is usually held): copied into group order.</summary>
    public static GroupCounts FromRows(ReadOnlySpan<double> rows, int groups)
    {
        if (groups < 1 || rows.Length % groups != 0) throw new ArgumentException("the number of counts must be a multiple of the number of groups", nameof(rows));
        var n = rows.Length / groups;
        var data = new double[rows.Length];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < groups; k++) data[k * n + i] = rows[i * groups + k];
        return new GroupCounts(data, n, groups);
    }

    /// <summary>One array per group, each with one count per unit (all the same length).</summary>
    public static GroupCounts FromColumns(params double[][] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("need at least one group", nameof(columns));
        var n = columns[0].Length;
        var data = new double[n * columns.Length];
        for (var k = 0; k < columns.Length; k++)
        {
            if (columns[k].Length != n) throw new ArgumentException("every group needs one count per unit", nameof(columns));
            columns[k].CopyTo(data, k * n);
        }
        return new GroupCounts(data, n, columns.Length);
    }

    /// <summary>Scratch counts for a simulation, filled through <see cref="Writable"/> and then <see cref="Recompute"/>d.</summary>
    internal static GroupCounts Scratch(int units, int groups) => new(units, groups);

    GroupCounts(int units, int groups)
    {
        _data = new double[units * groups];
        _unitTotals = new double[units];
        _groupTotals = new double[groups];
        Units = units;
        Groups = groups;
    }

    /// <summary>The number of units n.</summary>
    public int Units { get; }

    /// <summary>The number of groups K.</summary>
    public int Groups { get; }

    /// <summary>T = Σᵢ tᵢ, everyone in the listed groups.</summary>
    public double Total { get; private set; }

    /// <summary>Group k's count in each unit.</summary>
    public ReadOnlySpan<double> Group(int k) => _data.AsSpan(k * Units, Units);

    /// <summary>tᵢ, the sum of the groups in each unit.</summary>
    public ReadOnlySpan<double> UnitTotals => _unitTotals;

    /// <summary>Each group's count summed over the units.</summary>
    public ReadOnlySpan<double> GroupTotals => _groupTotals;

    /// <summary>Pₖ, group k's share of the total; 0 when the total is 0.</summary>
    public double Share(int k) => Total > 0 ? _groupTotals[k] / Total : 0;

    /// <summary>Group k's count in unit i.</summary>
    public double this[int unit, int group] => _data[group * Units + unit];

    internal Span<double> Writable => _data.AsSpan(0, Units * Groups);

    internal void Recompute()
    {
        var n = Units;
        var t = _unitTotals.AsSpan();
        t.Clear();
        var total = 0.0;
        for (var k = 0; k < Groups; k++)
        {
            var col = _data.AsSpan(k * n, n);
            var s = 0.0;
            for (var i = 0; i < col.Length; i++)
            {
                s += col[i];
                t[i] += col[i];
            }
            _groupTotals[k] = s;
            total += s;
        }
        Total = total;
    }
}
