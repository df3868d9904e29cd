using Cohesion.Admin;
using Cohesion.Assets.Editing;
using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Web;
using Cohesion.Tensions.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Accounts.ApiKeys;

/// <summary>
/// /account/api-keys: an organisation's analysts and administrators make keys for their own systems to send reports
/// with (the secret shown once, never stored), see when each was last used, and revoke them. Audited, without secrets.
/// </summary>
public sealed class ApiKeysModel(CohesionDb db, ApiKeyCache cache) : AdminPage
{
    public List<ApiKey> Keys { get; private set; } = [];
    public string? Name { get; private set; }
    /// <summary>Set once, on the answer to creating a key.</summary>
    public string? NewKey { get; private set; }

    int Organisation => Viewer.Of(User).OrganisationId ?? throw new InvalidOperationException("signed in without an organisation");

    async Task LoadAsync(CancellationToken ct) =>
        Keys = await db.ApiKeys.AsNoTracking().Where(k => k.OrganisationId == Organisation).OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).ToListAsync(ct);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The organisation's keys as CSV or xlsx (audited): names, prefixes and dates, never a secret or its hash.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        await LoadAsync(ct);
        var table = new ExportTable("API keys", ["name", "prefix", "created", "last_used", "revoked"],
            Keys.Select(k => new object?[] { k.Name, k.Prefix, UkTime.Iso(k.CreatedAt), UkTime.Iso(k.LastUsedAt), UkTime.Iso(k.RevokedAt) }).ToList(),
            AdminExport.About("your organisation's keys", Keys.Count, truncated: false));
        return await AdminExport.FileAsync(HttpContext, db, table, "api-keys", format!, "your organisation's keys", ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        Name = name;
        var n = FieldRules.Text(name, "Key name", TensionLimits.NameLength, required: true);
        if (n.Problem is { } p) Fail("name", p);
        else if (await db.ApiKeys.AnyAsync(k => k.OrganisationId == Organisation && k.Name == n.Value && k.RevokedAt == null, ct))
            Fail("name", $"Your organisation already has a live key named '{FieldRules.Clip(n.Value!)}': choose another name");
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        var (key, prefix, hash) = ApiKeySecrets.New();
        db.ApiKeys.Add(new ApiKey { OrganisationId = Organisation, Name = n.Value!, Prefix = prefix, SecretHash = hash, CreatedByUserId = User.UserId(), CreatedAt = DateTime.UtcNow });
        db.Record(Actor, AuditActions.ApiKeyChanged, $"api key {prefix}", $"created '{n.Value}'", Ip);
        await db.SaveChangesAsync(ct);
        DoNotStore();
        NewKey = key;
        Name = null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var k = await db.ApiKeys.FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == Organisation, ct);
        if (k is null) return NotFound();
        if (k.RevokedAt is null)
        {
            k.RevokedAt = DateTime.UtcNow;
            db.Record(Actor, AuditActions.ApiKeyChanged, $"api key {k.Prefix}", $"revoked '{k.Name}'", Ip);
            await db.SaveChangesAsync(ct);
            cache.Forget(k.Prefix);
        }
        Notice($"Key {k.Name} ({k.Prefix}) revoked: requests with it are refused from now on");
        return RedirectToPage();
    }
}
