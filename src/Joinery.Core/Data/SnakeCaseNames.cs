using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Data;

/// <summary>
/// snake_case tables, columns, keys and indexes on both databases, so hand-written migration SQL
/// reads the same for SQLite and PostgreSQL and needs no quoting.
/// </summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName() switch
            {
                "AspNetUsers" => "users",
                "AspNetUserClaims" => "user_claims",
                "AspNetUserLogins" => "user_logins",
                "AspNetUserTokens" => "user_tokens",
                var name => Snake(name!),
            };
            entity.SetTableName(table);
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Snake(property.GetColumnName()));
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName(Snake(key.GetName()!));
            }
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(Snake(foreignKey.GetConstraintName()!));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(Snake(index.GetDatabaseName()!));
            }
        }
    }

    public static string Snake(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    text.Append('_');
                }
                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
