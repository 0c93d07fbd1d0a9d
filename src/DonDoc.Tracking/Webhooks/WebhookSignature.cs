using System.Security.Cryptography;
using System.Text;

namespace DonDoc.Tracking.Webhooks;

/// <summary>
/// How a receiver knows a delivery came from DonDoc: <c>X-DonDoc-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of
/// the raw request body under the subscription's secret, in lower-case hexadecimal.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-DonDoc-Signature";
    public const string DeliveryHeader = "X-DonDoc-Delivery";
    public const string EventHeader = "X-DonDoc-Event";
    public const string Scheme = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Compares in constant time, as a receiver should.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));
}
