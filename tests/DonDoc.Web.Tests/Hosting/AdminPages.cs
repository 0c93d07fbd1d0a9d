using System.Net;
using System.Text.RegularExpressions;

namespace DonDoc.Web.Tests.Hosting;

/// <summary>What the administrator does on /Admin/Users, through the page's forms.</summary>
public static partial class AdminPages
{
    public static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));

    /// <summary>The id of the account listed with this e-mail on the users page.</summary>
    public static async Task<string> UserIdAsync(HttpClient admin, string email)
    {
        var page = await admin.GetStringAsync("/Admin/Users");
        var id = Regex.Match(page, $"<td>{Regex.Escape(email)}</td>.*?name=\"userId\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(id), $"{email} is not on the users page");
        return id;
    }

    public static async Task<HttpResponseMessage> UpdateUserAsync(HttpClient admin, string email, string role, string? agency, string? displayName = null)
    {
        var id = await UserIdAsync(admin, email);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Users");
        return await admin.PostAsync("/Admin/Users?handler=Update", Form(token,
            ("userId", id), ("displayName", displayName ?? email.Split('@')[0]), ("role", role), ("agency", agency ?? "")));
    }

    public static async Task<HttpResponseMessage> LockUserAsync(HttpClient admin, string email, bool locked)
    {
        var id = await UserIdAsync(admin, email);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Users");
        return await admin.PostAsync("/Admin/Users?handler=Lock", Form(token, ("userId", id), ("locked", locked ? "true" : "false")));
    }

    /// <summary>True when the response sends the browser to the sign-in page.</summary>
    public static bool SendsToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true;
}
