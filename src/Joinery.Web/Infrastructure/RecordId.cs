namespace Joinery.Web.Infrastructure;

/// <summary>The body of a write that created or changed one record: <c>{ "id": "..." }</c>.</summary>
public sealed record RecordId(Guid Id);
