using Cohesion.Analytics.Text;

namespace Cohesion.Analytics.Tests.Text;

public class SearchTextTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("esol", "eosl", 1)] // a swap of neighbours is one slip
    [InlineData("ca", "abc", 3)] // optimal string alignment: no substring edited twice (true Damerau gives 2)
    [InlineData("community", "comunity", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void DamerauLevenshteinMatchesHandWorkedValues(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Bounded(a, b, 10));
        Assert.Equal(expected, EditDistance.Bounded(b, a, 10));
    }

    [Fact]
    public void BoundedDistanceStopsAtTheBound()
    {
        Assert.Equal(2, EditDistance.Bounded("kitten", "sitting", 1));
        Assert.Equal(3, EditDistance.Bounded("a", "abcdefgh", 2));
        Assert.Equal(1, EditDistance.Bounded("esol", "esl", 1));
    }

    [Fact]
    public void WordsAreFoldedToLowerCaseWithoutAccentsAndSplitOnAnythingElse()
    {
        Assert.Equal(["cafe", "de", "la", "creme", "women", "s", "esol", "2026"], SearchWords.Split("Café de la Crème: WOMEN'S esol-2026!"));
        Assert.Empty(SearchWords.Split("  -- "));
        Assert.Equal(SearchWords.MaxWords, SearchWords.Split(string.Join(' ', Enumerable.Repeat("word", 50))).Count);
        Assert.Equal(SearchWords.MaxWordLength, SearchWords.Split(new string('x', 100)).Single().Length);
    }

    static readonly WordList Words = new([("esol", 40), ("english", 90), ("class", 30), ("classes", 25), ("classic", 2), ("cafe", 12), ("care", 50),
        ("community", 70), ("communication", 5), ("women", 20), ("conversation", 15)]);

    [Fact]
    public void AMisspeltWordIsCorrectedToTheClosestIndexedWordsCommonestFirst()
    {
        Assert.Equal(["community"], Words.Corrections("comunity"));
        Assert.Equal(["conversation"], Words.Corrections("convresation")); // a swap
        Assert.Equal(["care", "cafe"], Words.Corrections("cave")); // both one slip away: the commoner first
        Assert.Equal(["esol"], Words.Corrections("eosl"));
        Assert.Empty(Words.Corrections("esol")); // indexed as typed
        Assert.Empty(Words.Corrections("xylophone")); // nothing close
        Assert.Empty(Words.Corrections("es")); // too short to guess
    }

    [Fact]
    public void ShortWordsTolerateOneSlipAndLongerOnesTwo()
    {
        Assert.Equal(0, WordList.Tolerance(2));
        Assert.Equal(1, WordList.Tolerance(5));
        Assert.Equal(2, WordList.Tolerance(6));
        Assert.Empty(Words.Corrections("wmoan")); // two slips from "women" is too many for five letters
        Assert.Equal(["community"], Words.Corrections("comunnity")); // two slips
    }

    [Fact]
    public void TheLastWordCompletesToLongerIndexedWordsCommonestFirst()
    {
        Assert.Equal(["classes", "classic"], Words.Completions("class"));
        Assert.Equal(["community", "communication"], Words.Completions("comm"));
        Assert.Equal(["community"], Words.Completions("comm", limit: 1));
        Assert.Empty(Words.Completions("zz"));
        Assert.True(Words.Contains("class"));
        Assert.Equal(30, Words.Documents("class"));
        Assert.Equal(0, Words.Documents("clas"));
    }
}
