using System.CommandLine;

namespace Cohesion.Surveys;

/// <summary><c>cohesion survey</c>: survey work from the command line; each subcommand lives in its own file.</summary>
public static class SurveyCli
{
    public static Command Command()
    {
        var survey = new Command("survey", "Survey estimation (see docs/surveys.md)");
        survey.Add(SurveyEstimateCli.Command());
        return survey;
    }
}
