using Cohesion.Admin;
using Cohesion.Web;

namespace Cohesion.Assets.Editing;

/// <summary>GOV.UK checkboxes in a fieldset; the first box carries the id so the error summary can link to it.</summary>
public sealed record CheckboxesInput(string Id, string Legend, IReadOnlyList<Choice> Choices, IReadOnlyCollection<string> Selected,
    FieldError? Error = null, string? Hint = null, bool Small = true, string? Name = null);

/// <summary>One repeated part of the add and edit form (location, schedule, contact, phone, cost) with its "Add another" button.</summary>
public sealed record SlotsView(AssetFormView View, string Part)
{
    public (string Noun, string Legend, int Count) Shape => Part switch
    {
        "location" => ("place", "Place", View.Form.Locations.Count),
        "schedule" => ("time", "Time", View.Form.Schedules.Count),
        "contact" => ("contact", "Contact", View.Form.Contacts.Count),
        "phone" => ("phone number", "Phone number", View.Form.Phones.Count),
        _ => ("price", "Price", View.Form.Costs.Count),
    };
}

/// <summary>What the add and edit form's partials need: the form as typed, its errors and what it offers.</summary>
public sealed record AssetFormView(AssetForm Form, EditorChoices Choices, IReadOnlyList<FieldError> Errors)
{
    public FieldError? Error(string field) => Errors.FirstOrDefault(e => e.FieldId == field);
}
