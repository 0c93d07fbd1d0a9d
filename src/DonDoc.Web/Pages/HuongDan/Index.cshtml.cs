using DonDoc.Core.Access;
using DonDoc.Web.Common;

namespace DonDoc.Web.Pages.HuongDan;

/// <summary>"Hướng dẫn sử dụng": what each role does on which page; the reader's own role comes first.</summary>
public sealed class IndexModel : DonDocPageModel
{
    public const string Path = "/HuongDan";

    /// <summary>The roles in the order the guide shows them: the reader's own first, then the others as the office works.</summary>
    public IReadOnlyList<string> RolesInOrder { get; private set; } = [];

    public string OwnRole { get; private set; } = "";

    public void OnGet()
    {
        string[] all = [Roles.MonitoringOffice, Roles.Leader, Roles.AgencyOfficer, Roles.Administrator];
        OwnRole = all.FirstOrDefault(Actor.Roles.Contains) ?? "";
        RolesInOrder = [.. all.Where(r => r == OwnRole), .. all.Where(r => r != OwnRole)];
    }

    /// <summary>The anchor of a role's section, for links such as /HuongDan#can-bo-don-vi.</summary>
    public static string Anchor(string role) => role switch
    {
        Roles.MonitoringOffice => "van-phong-theo-doi",
        Roles.Leader => "lanh-dao",
        Roles.AgencyOfficer => "can-bo-don-vi",
        _ => "quan-tri-he-thong",
    };
}
