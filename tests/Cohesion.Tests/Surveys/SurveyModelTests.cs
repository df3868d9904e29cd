using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Surveys;
using Cohesion.Surveys.ItemBank;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>Where respondents can say they live, how answers are read, and responses stored on both databases.</summary>
public class SurveyModelTests
{
    [Theory]
    [BothProviders]
    public async Task ResidenceChoicesAreTheDistrictsWardsMsoasOrLsoas(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Database.Context();
        foreach (var (level, count) in new[] { (AreaLevel.Ward, 20), (AreaLevel.Msoa, 33), (AreaLevel.Lsoa, 141) })
        {
            var survey = await SurveyAsync(app, $"res-{level}".ToLowerInvariant(), ["cohesion", "residence"], level: level);
            var choices = await ResidenceAreas.ForAsync(db, survey, default);
            Assert.Equal(count, choices.Count);
            Assert.All(choices, c => Assert.Equal(level, db.Areas.Single(a => a.Id == c.Id).Level));
        }
    }

    [Fact]
    public void AnswersAreCheckedAgainstTheirItemWithErrorsThatSayWhatIsAllowed()
    {
        var cohesion = StandardItems.Find("cohesion")!;
        Assert.Equal("tend-to-agree", Answers.Parse(cohesion, " tend-to-agree ", null, out _)!.Choice);
        Assert.Null(Answers.Parse(cohesion, "", null, out var blank));
        Assert.Null(blank);
        Assert.Null(Answers.Parse(cohesion, "agree", null, out var error));
        Assert.Contains("\"agree\" is not an answer to this question: use one of definitely-agree, tend-to-agree", error);

        var thermometer = StandardItems.Find("therm-muslims")!;
        Assert.Equal(75, Answers.Parse(thermometer, "75", null, out _)!.Value);
        Assert.Null(Answers.Parse(thermometer, "101", null, out error));
        Assert.Equal("101 is out of range: give a whole number from 0 to 100", error);
        Assert.Null(Answers.Parse(thermometer, "warm", null, out error));
        Assert.StartsWith("\"warm\" is not a whole number", error);

        var residence = StandardItems.Find(StandardItems.ResidenceCode)!;
        var areas = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["E05000723"] = 7 };
        Assert.Equal("E05000723", Answers.Parse(residence, "E05000723", areas, out _)!.Choice);
        Assert.Null(Answers.Parse(residence, "E05999999", areas, out error));
        Assert.Contains("not one of the survey's areas", error);
    }

    [Theory]
    [BothProviders]
    public async Task ResponsesKeepResidenceOnTheResponseAndOneRowPerAnswer(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "stored", ["cohesion", "therm-muslims", "residence"]);
        await ResponsesAsync(app, survey,
            new() { ["cohesion"] = "definitely-agree", ["therm-muslims"] = "60", ["residence"] = "E05000723" },
            new() { ["cohesion"] = "dont-know" });
        await using var db = app.Database.Context();
        var responses = await db.SurveyResponses.Include(r => r.Answers).Where(r => r.SurveyId == survey.Id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, responses.Count);
        Assert.Equal("E05000723", db.Areas.Single(a => a.Id == responses[0].ResidenceAreaId).Code);
        Assert.Equal(["cohesion", "therm-muslims"], responses[0].Answers.Select(a => a.ItemCode).Order());
        Assert.Equal(4, responses[0].Answers.Single(a => a.ItemCode == "cohesion").Value);
        Assert.Null(responses[1].ResidenceAreaId);
    }
}
