using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Demo;

/// <summary>
/// Lets a feature's demo go through its own use cases: each step runs in a scope of its own, signed
/// in as one of the demo's people (through the CLI door) and at a moment in the demo's past, so the
/// records, the audit trail and the rules are exactly what people doing it would have produced.
/// </summary>
public sealed class DemoActor(IServiceScopeFactory scopes)
{
    public async Task<T> AsAsync<T>(User person, DateTimeOffset at, Func<IServiceProvider, Task<Outcome<T>>> step, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
        var partnerships = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == person.Id).Select(m => m.PartnershipId)
            .ToListAsync(cancellationToken);
        var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
        tenancy.SignIn(person.Id, person.OrganizationId, person.IsSiteAdmin, partnerships);
        tenancy.Door = Door.Cli;
        db.ActAt(at);
        var outcome = await step(scope.ServiceProvider);
        // The demo's story must satisfy the rules people meet; a refusal is a bug in the demo.
        return outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException($"A demo step was refused: {outcome.FirstError}");
    }
}
