using System.Globalization;
using System.Net;
using System.Text;
using DonDoc.Core.Tracking;
using DonDoc.Tracking.Dashboard;

namespace DonDoc.Web.Dashboard;

/// <summary>Charts drawn as inline SVG on the server: nothing to download, readable without an internet connection.</summary>
public static class SvgCharts
{
    /// <summary>One horizontal bar split by colour, with a legend: the status distribution.</summary>
    public static string Distribution(IReadOnlyList<ColourCount> counts)
    {
        var total = counts.Sum(c => c.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"Phân bố trạng thái nhiệm vụ\" viewBox=\"0 0 600 {40 + counts.Count * 22}\" xmlns=\"http://www.w3.org/2000/svg\">");
        double x = 0;
        foreach (var c in counts.Where(c => c.Count > 0))
        {
            var width = total == 0 ? 0 : 600.0 * c.Count / total;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"0\" width=\"{width:0.##}\" height=\"28\" fill=\"{c.Css}\"><title>{Text(c.Label)}: {c.Count}</title></rect>");
            x += width;
        }

        var y = 44;
        foreach (var c in counts)
        {
            var share = total == 0 ? 0 : 100.0 * c.Count / total;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y - 11}\" width=\"14\" height=\"14\" fill=\"{c.Css}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"20\" y=\"{y}\" font-size=\"13\">{Text(c.Label)}: {c.Count} ({share.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',')}%)</text>");
            y += 22;
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Completions per month, on time and late stacked: completion over time.</summary>
    public static string CompletionOverTime(IReadOnlyList<MonthCount> months)
    {
        const int top = 18;
        const int height = 160;
        const int barWidth = 36;
        var max = Math.Max(1, months.Max(m => m.DoneOnTime + m.DoneLate));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"Số nhiệm vụ hoàn thành theo tháng\" viewBox=\"0 -{top} {months.Count * (barWidth + 12) + 10} {height + 40 + top}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var x = 10 + i * (barWidth + 12);
            var onTime = (double)height * m.DoneOnTime / max;
            var late = (double)height * m.DoneLate / max;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{height - onTime:0.##}\" width=\"{barWidth}\" height=\"{onTime:0.##}\" fill=\"{StatusColour.Green.Css()}\"><title>{m.Month}: {m.DoneOnTime} đúng hạn</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{height - onTime - late:0.##}\" width=\"{barWidth}\" height=\"{late:0.##}\" fill=\"{StatusColour.Orange.Css()}\"><title>{m.Month}: {m.DoneLate} quá hạn</title></rect>");
            if (m.DoneOnTime + m.DoneLate > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{height - onTime - late - 4:0.##}\" font-size=\"12\" text-anchor=\"middle\">{m.DoneOnTime + m.DoneLate}</text>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{height + 16}\" font-size=\"10\" text-anchor=\"middle\">{m.Month}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Text(string text) => WebUtility.HtmlEncode(text);
}
