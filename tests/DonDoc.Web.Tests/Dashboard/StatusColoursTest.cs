using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DonDoc.Core.Tracking;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Dashboard;

/// <summary>The dashboard's cards, legend and buckets, and the plan list, speak the one vocabulary of office colours.</summary>
public sealed partial class StatusColoursTest
{
    [GeneratedRegex("""<a class="card figure" data-card="(?<colour>[a-z]+)" href="(?<href>[^"]+)"><span class="big">(?<count>[0-9.]+)</span>""")]
    private static partial Regex Card();

    [GeneratedRegex("""<span class="muted">(?<count>[0-9.]+) nhiệm vụ</span>""")]
    private static partial Regex ListTotal();

    [GeneratedRegex("""<span class="colour colour-[a-z]+" data-colour="(?<colour>[a-z]+)">[^<:]+: (?<count>[0-9.]+)</span>""")]
    private static partial Regex Legend();

    [GeneratedRegex("""id="bucket-(?<bucket>[a-z]+)">(?<count>[0-9.]+)<""")]
    private static partial Regex Bucket();

    private static Dictionary<string, int> Counts(Regex pattern, string html, string key) =>
        pattern.Matches(html).ToDictionary(m => m.Groups[key].Value, m => int.Parse(m.Groups["count"].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_dashboard_cards_show_the_same_numbers_as_the_legend_and_the_buckets_are_their_sums()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        var progressed = await noiVu.PostAsJsonAsync($"/api/tasks/{plan.TaskId("Kiểm tra công tác văn thư", "Sở Nội vụ")}/progress", new { percent = 30, summary = "Đã kiểm tra 4 cơ quan" });
        progressed.EnsureSuccessStatusCode();
        using var leader = await plan.App.BrowserClientAsync(Leader);

        var html = await leader.GetStringAsync("/Dashboard");
        var cards = Counts(Card(), html, "colour");
        var legend = Counts(Legend(), html, "colour");
        var buckets = Counts(Bucket(), html, "bucket");

        Assert.Equal(StatusClassification.Looks.Select(l => l.Name).ToArray(), cards.Keys.ToArray());
        Assert.Equal(cards, legend);
        Assert.Equal(plan.Tasks.Count, cards.Values.Sum());
        Assert.True(cards["blue"] >= 1, "the task with progress is in progress");
        Assert.True(cards["grey"] >= 1, "the tasks with none are not started");
        Assert.Equal(cards["green"] + cards["orange"], buckets["done"]);
        Assert.Equal(cards["blue"] + cards["grey"], buckets["within"]);
        Assert.Equal(cards["red"], buckets["overdue"]);
        Assert.DoesNotContain("Đang thực hiện trong hạn", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_figure_on_the_dashboard_links_to_a_list_of_as_many_tasks()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var leader = await plan.App.BrowserClientAsync(Leader);

        var html = await leader.GetStringAsync("/Dashboard");
        var cards = Card().Matches(html);

        Assert.Equal(StatusClassification.Looks.Count, cards.Count);
        foreach (Match card in cards)
        {
            var list = await leader.GetStringAsync(System.Net.WebUtility.HtmlDecode(card.Groups["href"].Value));
            Assert.Equal(card.Groups["count"].Value, ListTotal().Match(list).Groups["count"].Value);
        }

        var overdue = await leader.GetStringAsync($"/Tasks?colour=red&plan={plan.PlanId}");
        Assert.Contains("Quá hạn · Kế hoạch", overdue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ranking_sorts_by_most_overdue_or_most_tasks_and_keeps_every_agency_s_rank()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var leader = await plan.App.BrowserClientAsync(Leader);

        string Ranking(string html) => html[html.IndexOf("<table id=\"ranking\">", StringComparison.Ordinal)..][..html[html.IndexOf("<table id=\"ranking\">", StringComparison.Ordinal)..].IndexOf("</table>", StringComparison.Ordinal)];
        var byRank = Ranking(await leader.GetStringAsync("/Dashboard"));
        var byOverdue = Ranking(await leader.GetStringAsync("/Dashboard?ranking=qua-han"));
        static List<int> Numbers(string table, string pattern) => Regex.Matches(table, pattern).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var overdue = Numbers(byOverdue, """colour=red&amp;agency=\d+">(\d+)</a>""");
        var ranks = Numbers(byOverdue, """<tr><td class="num">(\d+)</td>""");

        Assert.True(overdue.Count >= 2, "the fixture has several lead agencies");
        Assert.True(overdue.Max() > 0, "the fixture has an overdue task");
        Assert.Equal(overdue.OrderByDescending(n => n), overdue);
        Assert.Equal(Numbers(byRank, """<tr><td class="num">(\d+)</td>"""), ranks.Order());
        var byTotal = Ranking(await leader.GetStringAsync("/Dashboard?ranking=tong-so"));
        var totals = Numbers(byTotal, """<a href="/Tasks\?agency=\d+">(\d+)</a>""");
        Assert.Equal(ranks.Count, totals.Count);
        Assert.Equal(totals.OrderByDescending(n => n), totals);
    }

    [Fact]
    public async Task The_plans_table_the_ranking_and_the_overdue_list_each_keep_the_others_order_when_one_is_sorted()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var leader = await plan.App.BrowserClientAsync(Leader);

        var html = await leader.GetStringAsync("/Dashboard?ranking=qua-han&plans=tong-so");
        var plansOrder = html[html.IndexOf("<p class=\"muted\" id=\"plans-order\">", StringComparison.Ordinal)..];
        plansOrder = plansOrder[..plansOrder.IndexOf("</p>", StringComparison.Ordinal)];

        Assert.Contains("<strong>nhiều nhiệm vụ nhất</strong>", plansOrder, StringComparison.Ordinal);
        Assert.Contains("href=\"/Dashboard?ranking=qua-han&amp;plans=qua-han#plans\"", plansOrder, StringComparison.Ordinal);
        Assert.Contains("href=\"/Dashboard?ranking=qua-han#plans\"", plansOrder, StringComparison.Ordinal);
        Assert.Contains("href=\"/Dashboard?plans=tong-so#ranking\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Dashboard?ranking=qua-han&amp;plans=tong-so&amp;overdue=moi#overdue\"", html, StringComparison.Ordinal);
        var newest = await leader.GetStringAsync("/Dashboard?overdue=moi");
        Assert.Contains("<strong>mới quá hạn trước</strong>", newest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_list_shows_the_plan_tasks_as_coloured_badges_that_add_up_to_its_count()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.BrowserClientAsync(Office);

        var html = await office.GetStringAsync("/?list=1");
        var badges = Regex.Matches(html, """<span class="colour colour-(?<colour>[a-z]+)">(?<label>[^<:]+): (?<count>[0-9.]+)</span>""");

        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Equal(StatusClassification.ParseColour(b.Groups["colour"].Value)!.Value.ToVietnamese(), b.Groups["label"].Value));
        Assert.Equal(plan.Tasks.Count, badges.Sum(b => int.Parse(b.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(badges, b => b.Groups["colour"].Value == "red");
    }

    [Fact]
    public void The_style_sheet_paints_each_colour_class_in_the_colour_the_charts_use()
    {
        var css = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "DonDoc.Web", "wwwroot", "css", "site.css"));

        Assert.All(StatusClassification.Looks, l => Assert.Contains($".colour-{l.Name} {{ background: {l.Hex}; }}", css, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DonDoc.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("DonDoc.slnx");
    }
}
