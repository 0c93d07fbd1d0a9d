using DonDoc.Core.Tracking;

namespace DonDoc.Core.Tests.Tracking;

public sealed class AgencyRankingTest
{
    [Fact]
    public void Agencies_rank_by_on_time_rate_then_by_on_time_count_and_those_not_yet_judged_come_last()
    {
        (string, TrackingStatus)[] tasks =
        [
            ("Sở Y tế", TrackingStatus.DoneOnTime), ("Sở Y tế", TrackingStatus.Overdue),
            ("Sở Nội vụ", TrackingStatus.DoneOnTime), ("Sở Nội vụ", TrackingStatus.DoneOnTime), ("Sở Nội vụ", TrackingStatus.NotYetDue),
            ("Sở Tư pháp", TrackingStatus.DoneOnTime),
            ("Sở Xây dựng", TrackingStatus.DueSoon), ("Sở Xây dựng", TrackingStatus.Cancelled),
            ("Sở Tài chính", TrackingStatus.DoneLate), ("Sở Tài chính", TrackingStatus.Overdue),
        ];

        var ranking = AgencyRanking.Rank(tasks);

        Assert.Equal(["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế", "Sở Tài chính", "Sở Xây dựng"], ranking.Select(s => s.Agency).ToArray());
        Assert.Equal(1.0, ranking[0].OnTimeRate);
        Assert.Equal(0.5, ranking[2].OnTimeRate);
        Assert.Null(ranking[4].OnTimeRate);
        Assert.Equal(1, ranking[4].Total); // a cancelled task does not count
    }

    [Theory]
    [InlineData(TrackingStatus.DoneOnTime, false, StatusColour.Green, StatisticsBucket.Done)]
    [InlineData(TrackingStatus.DoneLate, true, StatusColour.Orange, StatisticsBucket.Done)]
    [InlineData(TrackingStatus.Overdue, true, StatusColour.Red, StatisticsBucket.Overdue)]
    [InlineData(TrackingStatus.DueSoon, true, StatusColour.Blue, StatisticsBucket.WithinDeadline)]
    [InlineData(TrackingStatus.NotYetDue, false, StatusColour.Grey, StatisticsBucket.WithinDeadline)]
    [InlineData(TrackingStatus.Continuous, true, StatusColour.Blue, StatisticsBucket.WithinDeadline)]
    [InlineData(TrackingStatus.WaitingForTrigger, false, StatusColour.Grey, StatisticsBucket.WithinDeadline)]
    public void Each_status_has_its_office_colour_and_official_bucket(TrackingStatus status, bool started, StatusColour colour, StatisticsBucket bucket)
    {
        Assert.Equal(colour, StatusClassification.Colour(status, started));
        Assert.Equal(bucket, StatusClassification.Bucket(status));
    }
}
