using DonDoc.Core.Tracking;
using DonDoc.Tracking.Tasks;

namespace DonDoc.Web.Tests.Plans;

public sealed class SearchQueryTest
{
    public static TheoryData<string, string[], TrackingStatus[]?> Queries => new()
    {
        { "so noi vu qua han", ["so", "noi", "vu"], [TrackingStatus.Overdue] },
        { "SỞ NỘI VỤ QUÁ HẠN", ["so", "noi", "vu"], [TrackingStatus.Overdue] },
        { "Sở Tư pháp hoàn thành quá hạn", ["so", "tu", "phap"], [TrackingStatus.DoneLate] },
        { "hoàn thành đúng hạn", [], [TrackingStatus.DoneOnTime] },
        { "văn thư sắp đến hạn", ["van", "thu"], [TrackingStatus.DueSoon] },
        { "chuyển đổi số", ["chuyen", "doi", "so"], null },
        { "  Kế   hoạch   ", ["ke", "hoach"], null },
        { "chuy\u200Bển đổi\u200B số", ["chuyen", "doi", "so"], null },
        { "\uFEFFSở Nội vụ qu\u200Dá hạn", ["so", "noi", "vu"], [TrackingStatus.Overdue] },
        { "Sở Tư pha\u0301p", ["so", "tu", "phap"], null },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_search_is_folded_into_words_and_the_statuses_it_names(string text, string[] words, TrackingStatus[]? statuses)
    {
        var query = SearchQuery.Parse(text);

        Assert.Equal(words, query.Words);
        Assert.Equal(statuses, query.Statuses);
    }
}
