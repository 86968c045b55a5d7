using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Joinery.Core.Common;

/// <summary>Joinery's data classes. Diagnostic logs may carry ids; anything <see cref="Personal"/> is erased on the way out.</summary>
public static class DataClasses
{
    public const string Taxonomy = "Joinery";

    /// <summary>What identifies or describes a person: names, e-mail addresses, birth dates, scores, free text they wrote.</summary>
    public static DataClassification Personal { get; } = new(Taxonomy, nameof(Personal));
}

/// <summary>
/// Marks a <c>[LoggerMessage]</c> parameter (or a logged property) as personal data: the redaction
/// that <see cref="PersonalDataLogging.AddJoineryRedaction"/> sets up erases its value in every log line.
/// Named apart from Identity's <c>PersonalDataAttribute</c>, which marks what a person may download.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalAttribute() : DataClassificationAttribute(DataClasses.Personal);

public static class PersonalDataLogging
{
    /// <summary>Erases values classified <see cref="DataClasses.Personal"/> before any log provider sees them (web app and CLI alike).</summary>
    public static ILoggingBuilder AddJoineryRedaction(this ILoggingBuilder logging)
    {
        logging.EnableRedaction();
        logging.Services.AddRedaction(redaction =>
        {
            redaction.SetRedactor<ErasingRedactor>(new DataClassificationSet(DataClasses.Personal));
            redaction.SetFallbackRedactor<ErasingRedactor>();
        });
        return logging;
    }
}
