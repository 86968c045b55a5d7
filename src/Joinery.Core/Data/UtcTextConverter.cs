using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Joinery.Core.Data;

/// <summary>Stores a moment on SQLite as fixed-width UTC text, so it sorts and compares correctly in SQL.</summary>
public sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    v => v.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
    v => new DateTimeOffset(DateTime.SpecifyKind(DateTime.ParseExact(v, Format, CultureInfo.InvariantCulture), DateTimeKind.Utc)))
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
