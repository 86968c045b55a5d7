using Joinery.Core.Data;

namespace Joinery.Tests.Data;

public class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("Id", "id")]
    [InlineData("id", "id")]
    [InlineData("From", "from")]
    [InlineData("PartnershipId", "partnership_id")]
    [InlineData("AuditEntries", "audit_entries")]
    [InlineData("AspNetUsers", "asp_net_users")]
    [InlineData("PK_AuditEntries", "pk_audit_entries")]
    [InlineData("IX_Memberships_PartnershipId_UserId", "ix_memberships_partnership_id_user_id")]
    [InlineData("FK_PersonalAccessTokens_AspNetUsers_UserId", "fk_personal_access_tokens_asp_net_users_user_id")]
    [InlineData("EmailIndex", "email_index")]
    [InlineData("UserNameIndex", "user_name_index")]
    [InlineData("HTMLParser", "html_parser")]
    [InlineData("TwoFactorEnabled", "two_factor_enabled")]
    [InlineData("already_snake", "already_snake")]
    public void Names_become_snake_case(string name, string snake)
    {
        SnakeCaseNames.Snake(name).ShouldBe(snake);
    }
}
