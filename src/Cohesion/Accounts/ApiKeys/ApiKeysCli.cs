using System.CommandLine;
using Cohesion.Cli;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Accounts.ApiKeys;

/// <summary><c>cohesion api-keys create --organisation NAME --name NAME</c>: a key for an organisation's system, printed once (for set-up scripts and benchmarks; people use /account/api-keys).</summary>
public static class ApiKeysCli
{
    public static Command Command()
    {
        var organisation = new Option<string>("--organisation") { Description = "The organisation the key acts for", Required = true };
        var name = new Option<string>("--name") { Description = "What the key is for", Required = true };
        var create = new Command("create", "Create a key and print it once (only its hash is stored)") { organisation, name };
        create.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var orgName = parse.GetValue(organisation)!.Trim();
            var org = await db.Organisations.FirstOrDefaultAsync(o => o.Name == orgName, ct) ?? throw new CliException($"No organisation is named '{orgName}'");
            var keyName = parse.GetValue(name)!.Trim();
            if (keyName.Length is 0 or > Tensions.Model.TensionLimits.NameLength) throw new CliException($"--name must be 1 to {Tensions.Model.TensionLimits.NameLength} characters");
            var (key, prefix, hash) = ApiKeySecrets.New();
            db.ApiKeys.Add(new ApiKey { OrganisationId = org.Id, Name = keyName, Prefix = prefix, SecretHash = hash, CreatedAt = DateTime.UtcNow });
            db.Record(Audit.CliActor, AuditActions.ApiKeyChanged, $"api key {prefix}", $"created '{keyName}' for {org.Name}");
            await db.SaveChangesAsync(ct);
            Console.WriteLine(key);
            return 0;
        }));
        return new Command("api-keys", "Keys for organisations' systems to call the reports API") { create };
    }
}
