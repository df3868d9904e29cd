using System.Security.Cryptography;

namespace Cohesion.Accounts;

public static class Passwords
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
    const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A random one-time password from an alphabet without look-alike characters.</summary>
    public static string Generate(int length = 20) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Length-based rules (NCSC guidance: long passwords, no composition rules); null when acceptable.</summary>
    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password)) return "Enter a password";
        if (password.Length < MinLength) return $"Password must be {MinLength} characters or more";
        if (password.Length > MaxLength) return $"Password must be {MaxLength} characters or fewer";
        if (email is not null && password.Contains(email, StringComparison.OrdinalIgnoreCase)) return "Password must not contain your email address";
        return null;
    }
}
