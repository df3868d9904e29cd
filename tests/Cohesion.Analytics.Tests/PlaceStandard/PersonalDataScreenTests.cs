using Cohesion.Analytics.Disclosure;

namespace Cohesion.Analytics.Tests.PlaceStandard;

public class PersonalDataScreenTests
{
    [Theory]
    [InlineData("Email me at jo.bloggs@example.org about the park", "jo.bloggs@example.org")]
    [InlineData("contact: A.N.Other+parks@council.example.co.uk.", "A.N.Other+parks@council.example.co.uk")]
    [InlineData("JO_99@EXAMPLE.COM", "JO_99@EXAMPLE.COM")]
    [InlineData("write to jo at example dot com please", "jo at example dot com")]
    [InlineData("jo.smith (at) example (dot) co (dot) uk", "jo.smith (at) example (dot) co (dot) uk")]
    [InlineData("jo[at]example.org", "jo[at]example.org")]
    public void FindsEmailAddresses(string text, string found) => AssertFinds(text, PersonalDataKind.Email, found);

    [Theory]
    [InlineData("ring 07700 900123 any time", "07700 900123")]
    [InlineData("ring 07700900123", "07700900123")]
    [InlineData("call the centre on 0161 496 0000.", "0161 496 0000")]
    [InlineData("(0161) 496-0000 is the number", "(0161) 496-0000")]
    [InlineData("+44 7700 900123", "+44 7700 900123")]
    [InlineData("+44 (0) 161 496 0000", "+44 (0) 161 496 0000")]
    [InlineData("0044 20 7946 0000", "0044 20 7946 0000")]
    [InlineData("tel 020-7946-0000", "020-7946-0000")]
    [InlineData("my number is 01632.960.123", "01632.960.123")]
    public void FindsUkPhoneNumbers(string text, string found) => AssertFinds(text, PersonalDataKind.Phone, found);

    [Theory]
    [InlineData("I live at OL1 1AA", "OL1 1AA")]
    [InlineData("near ol8 4ha, by the shops", "ol8 4ha")]
    [InlineData("M1 1AE", "M1 1AE")]
    [InlineData("SW1A 1AA is not Oldham", "SW1A 1AA")]
    [InlineData("EC1A1BB", "EC1A1BB")]
    [InlineData("postcode OL16 2BW.", "OL16 2BW")]
    public void FindsFullUkPostcodes(string text, string found) => AssertFinds(text, PersonalDataKind.Postcode, found);

    [Theory]
    [InlineData("The park is lovely and the 409 bus runs every 20 minutes")]
    [InlineData("In 2019 and 2024 the library closed; it reopened on 01/05/2025")]
    [InlineData("Scores went from 3 to 7 in 0.5 miles")]
    [InlineData("THE A62 3RD EXIT: there is no postcode area A")]
    [InlineData("Take the A62 3rd exit at the roundabout, then the M60 5th junction")]
    [InlineData("OL1 and OL8 need more buses; M60 traffic is bad")]
    [InlineData("Around 100,000 people use the centre; 01234 is not a number")]
    [InlineData("Meet at the park, the cafe is at Union Street")]
    [InlineData("Tweet @OldhamCouncil about it")]
    [InlineData("Room for improvement: 4/7. Ratio 1:7.")]
    [InlineData("")]
    public void LeavesOrdinaryCommentsAlone(string text)
    {
        Assert.Empty(PersonalDataScreen.Scan(text));
        Assert.False(PersonalDataScreen.Finds(text));
        Assert.Equal(text, PersonalDataScreen.Redact(text));
    }

    [Fact]
    public void RedactsEachKindWithALabelAndKeepsTheRest()
    {
        const string text = "Ask Jo (jo@example.org, 07700 900123) at OL1 1AA about the garden.";
        Assert.Equal([PersonalDataKind.Email, PersonalDataKind.Phone, PersonalDataKind.Postcode], PersonalDataScreen.Kinds(text));
        Assert.Equal("Ask Jo ([email removed], [phone number removed]) at [postcode removed] about the garden.", PersonalDataScreen.Redact(text));
        Assert.Empty(PersonalDataScreen.Scan(PersonalDataScreen.Redact(text)));
        Assert.Equal("", PersonalDataScreen.Redact(null));
    }

    [Fact]
    public void AnEmailAddressHoldingDigitsIsOneFindingNotAPhoneNumberToo()
    {
        var m = Assert.Single(PersonalDataScreen.Scan("07700900123@example.com"));
        Assert.Equal(PersonalDataKind.Email, m.Kind);
    }

    static void AssertFinds(string text, PersonalDataKind kind, string found)
    {
        var m = Assert.Single(PersonalDataScreen.Scan(text));
        Assert.Equal(kind, m.Kind);
        Assert.Equal(found, text.Substring(m.Index, m.Length));
        Assert.DoesNotContain(found, PersonalDataScreen.Redact(text));
        Assert.Contains(PersonalDataScreen.Label(kind), PersonalDataScreen.Redact(text));
    }
}
