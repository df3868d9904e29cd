namespace Cohesion.Web;

public sealed record NavItem(string Text, string Href, bool Active);

/// <summary>Where a figure comes from: shown under every table, chart and map that uses the data.</summary>
public sealed record Attribution(string Source, string Licence, string Statement, bool Synthetic);

/// <summary>One error for the GOV.UK error summary, linking to its field.</summary>
public sealed record FieldError(string FieldId, string Message);

public sealed record PaginationModel(int Page, int Pages, IEnumerable<int?> Window, Func<int, string> Link);
