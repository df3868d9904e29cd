using Cohesion.Places;

namespace Cohesion.Surveys.Builder;

/// <summary>The areas a survey may cover, for the area select: each district, then its wards, then its MSOAs, each by name.</summary>
public static class AreaChoices
{
    public sealed record Group(string Label, IReadOnlyList<AreaInfo> Areas);

    public static IReadOnlyList<Group> For(PlaceDirectory places)
    {
        var groups = new List<Group>();
        foreach (var d in places.Districts)
        {
            groups.Add(new Group($"{d.Name}: the whole district", [d]));
            foreach (var level in new[] { AreaLevel.Ward, AreaLevel.Msoa })
            {
                var inside = places.ChildrenOf[d.Id].Select(i => places.ById[i]).Where(a => a.Level == level)
                    .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
                if (inside.Count > 0) groups.Add(new Group($"{d.Name}: {level.Plural(2)}", inside));
            }
        }
        return groups;
    }
}

/// <summary>What the details fields partial needs: the form as typed, its errors, the areas, and whether the place is fixed.</summary>
public sealed record SurveyDetailsView(SurveyDetailsForm Form, IReadOnlyList<Cohesion.Web.FieldError> Errors, IReadOnlyList<AreaChoices.Group> Areas,
    bool IsNew, bool PlaceLocked, string? PlaceText = null)
{
    public Cohesion.Web.FieldError? Error(string field) => Errors.FirstOrDefault(e => e.FieldId == field);
}
