using System.Security.Cryptography;

namespace DonDoc.Tracking.Accounts;

/// <summary>One-time passwords the system makes (the first administrator's, an administrator's reset): shown once, changed at the next sign-in.</summary>
public static class TemporaryPasswords
{
    /// <summary>Letters and digits that cannot be mistaken for one another when read aloud or copied by hand (no 0/O, 1/l/I).</summary>
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>A random password that meets the policy: 16 random characters, then upper case, lower case and a digit for certain.</summary>
    public static string Generate() => new string(RandomNumberGenerator.GetItems<char>(Alphabet, 16)) + "-Aa9";
}
