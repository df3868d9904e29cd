namespace Cohesion.Analytics.Surveys;

/// <summary>
/// Domains (subpopulations) of a sample: each row's domain, or none. Estimates for a domain use the whole design
/// with zero influence outside the domain, as R's <c>svyby</c> does (Lumley 2010 §2.3.1; Särndal et al. 1992 §10.3),
/// so domain sample sizes are random and their variances honest.
/// </summary>
public sealed class Domains
{
    /// <summary>Domain names by code, in output order.</summary>
    public IReadOnlyList<string> Names { get; }
    internal readonly int[] Codes;

    Domains(int[] codes, IReadOnlyList<string> names) { Codes = codes; Names = names; }

    /// <summary>Domains from codes 0 … names.Count−1 (−1: the row is in no domain).</summary>
    public static Domains FromCodes(int[] codes, IReadOnlyList<string> names)
    {
        foreach (var c in codes)
            if (c < -1 || c >= names.Count) throw new SurveyDesignException($"domain code {c} is outside 0 … {names.Count - 1}");
        return new Domains(codes, names);
    }

    /// <summary>
    /// Domains from labels; null or empty labels are in no domain (R's svyby leaves NA groups out). Domains are
    /// ordered as numbers when every label is one, otherwise by ordinal string comparison.
    /// </summary>
    public static Domains FromLabels(IReadOnlyList<string?> labels)
    {
        var distinct = labels.Where(l => !string.IsNullOrEmpty(l)).Distinct(StringComparer.Ordinal).Select(l => l!).ToList();
        var numeric = distinct.All(l => double.TryParse(l, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        var names = numeric
            ? distinct.OrderBy(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ThenBy(l => l, StringComparer.Ordinal).ToList()
            : distinct.OrderBy(l => l, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) index[names[i]] = i;
        var codes = new int[labels.Count];
        for (var i = 0; i < codes.Length; i++) codes[i] = string.IsNullOrEmpty(labels[i]) ? -1 : index[labels[i]!];
        return new Domains(codes, names);
    }
}
