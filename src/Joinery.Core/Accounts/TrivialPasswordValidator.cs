using Microsoft.AspNetCore.Identity;

namespace Joinery.Core.Accounts;

/// <summary>
/// Refuses passwords that appear in breach lists or follow the patterns they are full of:
/// common words with digits around them, keyboard runs, one repeated character, the person's
/// own email or name. Length (12 or more) is Identity's own rule.
/// </summary>
public sealed class TrivialPasswordValidator : IPasswordValidator<User>
{
    private static readonly string[] CommonWords =
    [
        "password", "passw0rd", "p@ssword", "qwerty", "qwertz", "azerty", "letmein", "welcome", "admin",
        "administrator", "iloveyou", "monkey", "dragon", "football", "baseball", "sunshine", "princess",
        "master", "shadow", "superman", "trustno1", "abc123", "changeme", "default", "secret", "joinery",
        "health", "clinic", "summer", "winter", "spring", "autumn", "login", "access", "hello", "starwars",
        "whatever", "freedom", "michael", "jennifer", "charlie", "computer", "internet", "corvette",
    ];

    private static readonly string[] Runs = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var problem = Check(password ?? "", user.Email, user.DisplayName);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "TrivialPassword", Description = problem }));
    }

    /// <summary>Why the password is too easy to guess, or null when it is not.</summary>
    public static string? Check(string password, string? email, string? name)
    {
        var lower = password.ToLowerInvariant();
        var letters = new string(lower.Where(char.IsLetter).ToArray());
        if (password.Distinct().Count() < 5)
        {
            return "Choose a password with more different characters.";
        }
        if (CommonWords.Any(w => letters == w || lower.Trim('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!', '@', '#', '.', '_', '-') == w)
            || CommonWords.Any(w => lower.Replace(w, "", StringComparison.Ordinal).All(c => char.IsDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c))))
        {
            return "This password is on lists of commonly used passwords; choose a less predictable one.";
        }
        if (IsRun(lower))
        {
            return "A run of keys or digits is easy to guess; choose a less predictable password.";
        }
        var local = (email ?? "").Split('@')[0].ToLowerInvariant();
        if (local.Length >= 4 && lower.Contains(local, StringComparison.Ordinal))
        {
            return "The password must not contain your email address.";
        }
        var nameParts = (name ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 4);
        if (nameParts.Any(p => lower.Contains(p, StringComparison.Ordinal)))
        {
            return "The password must not contain your name.";
        }
        return null;
    }

    /// <summary>True when, apart from up to 3 extra characters, each character is next to the one before it
    /// on a run (digits, alphabet, keyboard row; either direction). Runs may be mixed: "zxcvbnm12345".</summary>
    private static bool IsRun(string text)
    {
        var inRun = 0;
        for (var i = 1; i < text.Length; i++)
        {
            var (before, after) = (text[i - 1], text[i]);
            if (Runs.Any(run => Adjacent(run, before, after) || Adjacent(run, after, before)))
            {
                inRun++;
            }
        }
        return inRun >= text.Length - 4;
    }

    private static bool Adjacent(string run, char first, char second)
    {
        var at = run.IndexOf(first, StringComparison.Ordinal);
        return at >= 0 && at + 1 < run.Length && run[at + 1] == second;
    }
}
