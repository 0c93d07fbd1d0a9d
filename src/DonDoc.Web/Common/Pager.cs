using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Common;

/// <summary>The links under a paged list: the next page, back to the first, and how many rows the list holds.</summary>
public sealed record Pager(string? Next, string? First, string? Summary)
{
    /// <summary>The pager of <paramref name="page"/>, its position carried in the query parameter <paramref name="parameter"/> of the current URL.</summary>
    public static Pager For<T>(PageModel model, string parameter, Page<T> page, string? noun = "nhiệm vụ")
    {
        var request = model.Request;
        var current = request.Query[parameter].ToString();
        string Url(string? value)
        {
            var query = new QueryBuilder(request.Query
                .Where(q => q.Key != parameter && q.Key != "handler")
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
            if (value is not null)
            {
                query.Add(parameter, value);
            }

            return request.Path + query.ToQueryString().ToString();
        }

        var summary = page.Total is { } total && noun is not null
            ? total > TaskSearch.CountCap && noun == "kết quả" ? $"Hơn {VietnameseFormat.Number(TaskSearch.CountCap)} {noun}" : $"{VietnameseFormat.Number(total)} {noun}"
            : null;
        return new Pager(page.Next is null ? null : Url(page.Next), string.IsNullOrEmpty(current) ? null : Url(null), summary);
    }
}
