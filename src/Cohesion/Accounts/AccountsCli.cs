using System.CommandLine;
using Cohesion.Cli;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Cohesion.Accounts;

public static class AccountsCli
{
    public static Command UsersCommand()
    {
        var users = new Command("users", "Manage users and organisations");
        var email = new Option<string>("--email") { Description = "The user's e-mail address (their sign-in name)", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the e-mail address)" };
        var org = new Option<string>("--organisation") { Description = "Organisation name (created if new)", Required = true };
        var kind = new Option<OrganisationKind>("--kind") { Description = "Kind of a new organisation", DefaultValueFactory = _ => OrganisationKind.Other };
        var role = new Option<Role>("--role") { Description = "admin, analyst, contributor or viewer", DefaultValueFactory = _ => Role.Viewer };
        var add = new Command("add", "Add a user with a one-time password (printed once; changed at first sign-in)") { email, name, org, kind, role };
        add.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var (user, password) = await UserAdmin.AddAsync(db, parse.GetValue(email)!, parse.GetValue(name), parse.GetValue(org)!, parse.GetValue(kind), parse.GetValue(role), Audit.CliActor, ct);
            Console.WriteLine($"Added {user.Email} ({user.Role}) in {parse.GetValue(org)}.");
            Console.WriteLine($"One-time password (shown once, change it at first sign-in): {password}");
            return 0;
        }));
        var list = new Command("list", "List users");
        list.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var table = new Table().AddColumns("E-mail", "Name", "Organisation", "Role", "Status", "Last sign-in");
            foreach (var u in await db.Users.Include(u => u.Organisation).OrderBy(u => u.Email).ToListAsync(ct))
                table.AddRow(Markup.Escape(u.Email), Markup.Escape(u.DisplayName), Markup.Escape(u.Organisation!.Name), u.Role.ToString(), u.Disabled ? "disabled" : "active", u.LastSignInAt?.ToString("dd/MM/yyyy HH:mm") ?? "never");
            AnsiConsole.Write(table);
            return 0;
        }));
        var orgs = new Command("organisations", "List organisations");
        orgs.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            foreach (var o in await db.Organisations.OrderBy(o => o.Name).ToListAsync(ct)) Console.WriteLine($"{o.Name}\t{o.Kind}");
            return 0;
        }));
        users.Add(add);
        users.Add(list);
        users.Add(orgs);
        return users;
    }
}
