using Joinery.Core.Audit;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Audit;

/// <summary>Its own class (and database) because it breaks the chain on purpose.</summary>
public sealed class AuditTamperingTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task Altering_a_stored_entry_breaks_the_chain_at_that_entry()
    {
        var p = await app.APartnership().BuildAsync();
        await app.SignedInAsync(p.Steward);
        await app.AuditChainShouldBeIntactAsync();
        var target = await app.ReadAsync(db => db.AuditEntries.Where(a => a.Action == "sign-in.succeeded").Select(a => a.Id).SingleAsync());

        await app.ReadAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET detail = 'tampered' WHERE id = {0}", target));
        var verification = await app.WithCoreAsync(services => services.GetRequiredService<AuditTrail>().VerifyAsync());

        verification.Intact.ShouldBeFalse();
        verification.FirstBrokenId.ShouldBe(target);
    }
}
