using Microsoft.Extensions.Configuration;

namespace DonDoc.Tracking.Reports;

/// <summary>What the office sets for its reports (section <c>Report</c>): the place in the date line, the issuer and the signer; each falls back to what the plan says.</summary>
public sealed record ReportOptions(string? Place, string? ParentIssuer, string? Issuer, string? SignerAuthority, string? SignerPosition, string? SignerName, IReadOnlyList<string> Recipients)
{
    public static ReportOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Report");
        string? Value(string key) => section[key] is { Length: > 0 } value ? value.Trim() : null;
        var recipients = section.GetSection("Recipients").GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToList();
        return new ReportOptions(Value("Place"), Value("ParentIssuer"), Value("Issuer"), Value("SignerAuthority"), Value("SignerPosition"), Value("SignerName"), recipients);
    }
}
