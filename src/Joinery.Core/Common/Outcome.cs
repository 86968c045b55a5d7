namespace Joinery.Core.Common;

/// <summary>What an operation reports back: its value, or why it could not do it.</summary>
public enum OutcomeStatus { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <summary>
/// The result of an operation. Expected failures (bad input, missing record, not allowed) are
/// outcomes, not exceptions; each front door (page, API, CLI) decides how to show them.
/// </summary>
public sealed record Outcome<T>
{
    public OutcomeStatus Status { get; private init; }
    public T? Value { get; private init; }

    /// <summary>Field name (as the user knows it) to messages that say what to fix.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private init; } = new Dictionary<string, string[]>();

    public bool Succeeded => Status == OutcomeStatus.Ok;

    public string FirstError => Errors.Values.SelectMany(m => m).FirstOrDefault() ?? Status.ToString();

    public static Outcome<T> Ok(T value) => new() { Status = OutcomeStatus.Ok, Value = value };

    public static Outcome<T> Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new() { Status = OutcomeStatus.Invalid, Errors = errors };

    public static Outcome<T> NotFound(string message = "Not found.") =>
        new() { Status = OutcomeStatus.NotFound, Errors = new Dictionary<string, string[]> { [""] = [message] } };

    public static Outcome<T> Forbidden(string message) =>
        new() { Status = OutcomeStatus.Forbidden, Errors = new Dictionary<string, string[]> { [""] = [message] } };

    public static Outcome<T> Conflict(string field, string message) =>
        new() { Status = OutcomeStatus.Conflict, Errors = new Dictionary<string, string[]> { [field] = [message] } };

    /// <summary>Carries a failure of another operation over to this one's type.</summary>
    public Outcome<TOther> As<TOther>() => new() { Status = Status, Errors = Errors };
}
