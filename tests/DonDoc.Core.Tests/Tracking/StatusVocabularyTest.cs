using System.Globalization;
using DonDoc.Core.Tracking;

namespace DonDoc.Core.Tests.Tracking;

/// <summary>One vocabulary of statuses and colours: every colour and status has its words, and no word means two sets of tasks.</summary>
public sealed class StatusVocabularyTest
{
    public static TheoryData<StatusColour> Colours() => new(Enum.GetValues<StatusColour>());

    public static TheoryData<TrackingStatus> Statuses() => new(Enum.GetValues<TrackingStatus>());

    [Theory]
    [MemberData(nameof(Colours))]
    public void Every_colour_has_a_label_a_css_class_and_a_colour(StatusColour colour)
    {
        var look = colour.Look();

        Assert.Equal(colour, look.Colour);
        Assert.False(string.IsNullOrWhiteSpace(look.Label));
        Assert.Equal(colour.ToString().ToLowerInvariant(), look.Name);
        Assert.Equal($"colour colour-{look.Name}", look.CssClass);
        Assert.Matches("^#[0-9a-f]{6}$", look.Hex);
        Assert.Equal(colour, StatusClassification.ParseColour(look.Name));
    }

    [Fact]
    public void The_legend_lists_each_colour_once_in_the_office_order()
    {
        Assert.Equal(
            [StatusColour.Green, StatusColour.Blue, StatusColour.Orange, StatusColour.Red, StatusColour.Grey],
            StatusClassification.Looks.Select(l => l.Colour).ToArray());
        Assert.Equal(StatusClassification.Looks.Count, StatusClassification.Looks.Select(l => l.Label).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Colours))]
    public void White_text_on_every_colour_passes_WCAG_AA(StatusColour colour)
    {
        var hex = colour.Css();
        double Channel(int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));

        Assert.True(1.05 / (luminance + 0.05) >= 4.5, $"{colour} {hex}: {1.05 / (luminance + 0.05):0.00}");
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Every_status_has_a_label_and_a_colour_counted_in_the_status_bucket(TrackingStatus status)
    {
        Assert.False(string.IsNullOrWhiteSpace(status.ToVietnamese()));
        foreach (var started in new[] { false, true })
        {
            var look = StatusClassification.Colour(status, started).Look();
            Assert.False(string.IsNullOrWhiteSpace(look.CssClass));
            if (status != TrackingStatus.Cancelled)
            {
                Assert.Equal(StatusClassification.Bucket(status), look.Bucket);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void A_status_label_that_is_also_a_colour_label_names_the_same_tasks(TrackingStatus status)
    {
        var same = StatusClassification.Looks.SingleOrDefault(l => l.Label == status.ToVietnamese());
        if (same is not null)
        {
            Assert.Equal(same.Colour, StatusClassification.Colour(status, started: false));
            Assert.Equal(same.Colour, StatusClassification.Colour(status, started: true));
        }
    }

    [Fact]
    public void A_bucket_is_named_like_a_colour_only_when_it_holds_that_colour_alone()
    {
        // The dashboard once called its within-the-deadline bucket "Đang thực hiện trong hạn" while the legend kept that name for blue alone.
        foreach (var bucket in Enum.GetValues<StatisticsBucket>())
        {
            var members = StatusClassification.Looks.Where(l => l.Bucket == bucket).ToList();
            var named = StatusClassification.Looks.Where(l => Words(l.Label) == Words(bucket.ToVietnamese())).ToList();
            Assert.True(named.Count == 0 || (members.Count == 1 && named[0] == members[0]), $"{bucket}: {bucket.ToVietnamese()}");
        }

        static string Words(string text) => string.Concat(text.Where(char.IsLetter)).ToLowerInvariant();
    }
}
