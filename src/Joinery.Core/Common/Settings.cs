using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Joinery.Core.Common;

/// <summary>
/// Options classes bound from a configuration section and checked when the web host or a CLI
/// command starts. A class states its rules with DataAnnotations (or <see cref="IValidatableObject"/>)
/// whose messages name the key and what it may hold ("RateLimits:ApiPerMinute must be a whole number
/// from 1 to 1000000."), because that message is exactly what an operator sees: one line, no stack trace.
/// </summary>
public static partial class Settings
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, AnnotatedSettings<T>>());
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>
    /// Checks every options class registered with <see cref="AddSettings{T}"/> now, so a bad value
    /// stops the program before anything starts; returns the one line to print, or null when all is well.
    /// </summary>
    public static string? Check(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (Exception e) when (ProblemIn(e) is { } problem)
        {
            return problem;
        }
    }

    /// <summary>The one-line explanation of a configuration mistake, or null when the exception is something else.</summary>
    public static string? ProblemIn(Exception e) => e switch
    {
        SettingException => OneLine(e.Message),
        OptionsValidationException validation => OneLine(string.Join(" ", validation.Failures)),
        AggregateException many when many.InnerExceptions.Select(ProblemIn).ToList() is { } problems && problems.All(p => p is not null) =>
            string.Join(" ", problems),
        InvalidOperationException when NotConverted().Match(e.Message) is { Success: true } m =>
            $"{m.Groups["key"].Value} must be {Kind(m.Groups["type"].Value)}, not '{m.Groups["value"].Value}'.",
        _ => null,
    };

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        "System.Double" or "System.Decimal" => "a number",
        _ => $"a value of type {type[(type.LastIndexOf('.') + 1)..]}",
    };

    private static string OneLine(string message) => string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The configuration binder's own message when a value does not convert to the property's type.</summary>
    [GeneratedRegex("^Failed to convert configuration value (?:'(?<value>.*)' )?at '(?<key>[^']*)' to type '(?<type>[^']*)'")]
    private static partial Regex NotConverted();

    /// <summary>Runs the class's DataAnnotations and passes their messages on unchanged.</summary>
    private sealed class AnnotatedSettings<T> : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(results.Select(r => r.ErrorMessage ?? "A setting is not valid."));
        }
    }
}

/// <summary>A configuration value that cannot be used; its message names the key and what it may hold.</summary>
public sealed class SettingException(string message) : InvalidOperationException(message);
