using Cohesion.Web;

namespace Cohesion.Admin;

/// <summary>A GOV.UK text input with its label, hint and inline error.</summary>
public sealed record TextInput(string Id, string Label, string? Value, FieldError? Error, int MaxLength,
    string? Hint = null, string Type = "text", string? Autocomplete = null, string Width = "govuk-!-width-two-thirds", bool LabelIsHeading = false)
{
    /// <summary>The form field's name when it differs from the id (repeated rows post one name many times).</summary>
    public string? Name { get; init; }
}

public sealed record Choice(string Value, string Text, string? Hint = null);

/// <summary>A GOV.UK select; the first choice may be an empty "all" or "choose" option.</summary>
public sealed record SelectInput(string Id, string Label, IReadOnlyList<Choice> Choices, string? Selected, FieldError? Error = null, string? Hint = null)
{
    /// <summary>The form field's name when it differs from the id (repeated rows post one name many times).</summary>
    public string? Name { get; init; }
}

/// <summary>GOV.UK radios in a fieldset; the first radio carries the id so the error summary can link to it.</summary>
public sealed record RadiosInput(string Id, string Legend, IReadOnlyList<Choice> Choices, string? Selected, FieldError? Error = null, string? Hint = null);

/// <summary>A GOV.UK date input (day, month, year) named Id-day, Id-month, Id-year.</summary>
public sealed record DateInput(string Id, string Legend, string? Day, string? Month, string? Year, FieldError? Error = null, string? Hint = null);

/// <summary>A column of a sortable table: Sort is the sort key, or null when the column does not sort.</summary>
public sealed record Column(string Label, string? Sort = null, bool Numeric = false);

public sealed record TableHead(IReadOnlyList<Column> Columns, ListQuery Query, string Path, IQueryCollection Request);

/// <summary>The confirmation panel that shows a one-time password, once.</summary>
public sealed record OneTimePasswordView(string Title, string Email, string Password);

public sealed record Crumb(string Text, string Href);

/// <summary>"Showing 1 to 50 of 300 users" with the download links for the whole filtered table.</summary>
public sealed record ListSummary(string Id, int First, int Last, int Total, string Noun, string CsvLink, string XlsxLink);

public static class StatusTags
{
    public static string TagClass(this Cohesion.Accounts.UserStatus status) => status switch
    {
        Cohesion.Accounts.UserStatus.Active => "govuk-tag--green",
        Cohesion.Accounts.UserStatus.Locked => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };
}

/// <summary>A GOV.UK textarea with its label, hint and inline error.</summary>
public sealed record TextareaInput(string Id, string Label, string? Value, FieldError? Error, int MaxLength, string? Hint = null, int Rows = 4)
{
    /// <summary>The form field's name when it differs from the id (repeated rows post one name many times).</summary>
    public string? Name { get; init; }
}
