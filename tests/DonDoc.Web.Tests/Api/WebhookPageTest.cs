using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Web.Tests.Hosting;

namespace DonDoc.Web.Tests.Api;

/// <summary>The administrator's webhook page on a running app: register, see the secret once, send a test delivery, see it listed.</summary>
public sealed partial class WebhookPageTest
{
    [Fact]
    public async Task A_webhook_registered_on_the_admin_page_shows_its_secret_once_and_its_test_delivery_arrives_signed_and_listed_as_sent()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        await using var app = await RunningApp.StartAsync();
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);

        var created = await admin.PostAsync("/Admin/Webhooks?handler=Create", new FormUrlEncodedContent(
        [
            new("name", "Hệ thống văn bản điều hành"),
            new("url", receiver.Url),
            new("events", "task.published"),
            new("events", "task.overdue"),
            new("__RequestVerificationToken", await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Webhooks")),
        ]));
        var page = await created.Content.ReadAsStringAsync();
        var secret = SecretPattern().Match(page).Groups[1].Value;
        var id = Regex.Match(page, "name=\"id\" value=\"(\\d+)\"").Groups[1].Value;
        var ping = await admin.PostAsync("/Admin/Webhooks?handler=Ping", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id,
            ["__RequestVerificationToken"] = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Webhooks"),
        }));
        var list = await admin.GetStringAsync("/Admin/Webhooks");
        var refused = await app.Client.GetAsync("/Admin/Webhooks");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Contains("Giao nhiệm vụ (ban hành kế hoạch), Nhiệm vụ quá hạn", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ping.StatusCode);
        var received = Assert.Single(receiver.Received);
        Assert.Equal("ping", received.Event);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), received.Body)), received.Signature);
        using (var body = JsonDocument.Parse(received.Body))
        {
            Assert.Equal(received.DeliveryId, body.RootElement.GetProperty("id").GetString());
        }

        // The secret is not shown again; the delivery is listed as sent.
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Matches($"data-delivery=\"{received.DeliveryId}\"[^§]*?class=\"delivery-Sent\">Đã gửi, ", list);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [GeneratedRegex("<code id=\"new-secret\">([^<]+)</code>")]
    private static partial Regex SecretPattern();
}
