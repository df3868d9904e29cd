using System.Globalization;
using Cohesion.Data;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;

namespace Cohesion.Surveys;

/// <summary>
/// Reading one answer as typed (a form field, a CSV cell) against its item, with the error a person can act on.
/// The form, the CSV import and the demo all go through here, so an answer the form refuses an import refuses too.
/// </summary>
public static class Answers
{
    /// <summary>
    /// The answer to <paramref name="item"/> in <paramref name="raw"/>: null with no error when blank (not answered);
    /// otherwise the answer, or an error naming the value and what is allowed. Residence answers are area codes
    /// checked against <paramref name="residenceAreas"/> (code → area id).
    /// </summary>
    public static SurveyAnswer? Parse(Item item, string? raw, IReadOnlyDictionary<string, int>? residenceAreas, out string? error)
    {
        error = null;
        var s = raw?.Trim() ?? "";
        if (s.Length == 0) return null;
        switch (item.Kind)
        {
            case ItemKind.Choice:
                if (item.Option(s) is { } option) return new SurveyAnswer { ItemCode = item.Code, Choice = option.Code, Value = option.Score };
                error = $"\"{Shorten(s)}\" is not an answer to this question: use one of {string.Join(", ", item.Options.Select(o => o.Code))}, or leave it blank";
                return null;
            case ItemKind.Thermometer:
            case ItemKind.Number:
                if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    error = $"\"{Shorten(s)}\" is not a whole number: give a whole number from {item.Min} to {item.Max}";
                    return null;
                }
                if (n < item.Min || n > item.Max)
                {
                    error = $"{n} is out of range: give a whole number from {item.Min} to {item.Max}";
                    return null;
                }
                return new SurveyAnswer { ItemCode = item.Code, Value = n };
            case ItemKind.Residence:
                if (residenceAreas is not null && residenceAreas.ContainsKey(s)) return new SurveyAnswer { ItemCode = item.Code, Choice = s };
                error = $"\"{Shorten(s)}\" is not one of the survey's areas: give the area code (e.g. E05000723)";
                return null;
            default:
                error = "this kind of question cannot be answered";
                return null;
        }
    }

    static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

/// <summary>A checked response ready to store: its answers (residence among them, as an area code) and any design columns.</summary>
public sealed record NewResponse(IReadOnlyList<SurveyAnswer> Answers, double? DesignWeight = null, string? Stratum = null, string? Cluster = null);

/// <summary>Adds checked responses to the context; the caller saves (in its transaction).</summary>
public static class ResponseWriter
{
    public const string Online = "online", Import = "import", Demo = "demo";

    public static SurveyResponse Add(CohesionDb db, int surveyId, NewResponse r, IReadOnlyDictionary<string, int> residenceAreas, string source, DateOnly on, string? receipt = null)
    {
        var response = ToResponse(surveyId, r, residenceAreas, source, on, receipt);
        db.SurveyResponses.Add(response);
        return response;
    }

    /// <summary>The response as stored, not yet added to any context (<see cref="ResponseBulkWriter"/> writes many at once).</summary>
    public static SurveyResponse ToResponse(int surveyId, NewResponse r, IReadOnlyDictionary<string, int> residenceAreas, string source, DateOnly on, string? receipt = null)
    {
        var response = new SurveyResponse
        {
            SurveyId = surveyId, SubmittedOn = on, Source = source, Receipt = receipt,
            DesignWeight = r.DesignWeight, Stratum = r.Stratum, Cluster = r.Cluster,
        };
        foreach (var a in r.Answers)
        {
            if (a.ItemCode == StandardItems.ResidenceCode)
            {
                // Residence is kept on the response, as the area's id: results group by it and weighting reads it.
                response.ResidenceAreaId = a.Choice is { } code && residenceAreas.TryGetValue(code, out var id) ? id : null;
                continue;
            }
            response.Answers.Add(new SurveyAnswer { ItemCode = a.ItemCode, Choice = a.Choice, Value = a.Value });
        }
        return response;
    }
}
