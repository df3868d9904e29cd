using System.Net;
using System.Net.Mail;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// E-mail copies of inbox messages about alerts, for leads who asked for them, through the SMTP server in
/// <c>Cohesion:Smtp</c>. A message is marked e-mailed only once the server took it; a failure is logged and the
/// message tried again at the next run (for two days), so a mail server that is down never stops detection.
/// </summary>
public sealed class AlertMailer(IOptions<SmtpOptions> options, ILogger<AlertMailer> log)
{
    static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(2);

    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.Host);

    /// <summary>Sends what is due; returns how many went.</summary>
    public async Task<int> SendDueAsync(CohesionDb db, DateTime utcNow, CancellationToken ct)
    {
        if (!Configured) return 0;
        var since = utcNow - GiveUpAfter;
        var wanting = db.MonitoringLeads.Where(l => l.EmailAlerts).Select(l => l.UserId);
        var due = await db.InboxMessages.Where(m => m.AlertId != null && m.EmailedAt == null && m.CreatedAt >= since && wanting.Contains(m.UserId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { Message = m, u.Email, u.Disabled }).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var o = options.Value;
        using var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.EnableSsl, Timeout = o.TimeoutSeconds * 1000, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(o.User)) client.Credentials = new NetworkCredential(o.User, o.Password);
        var sent = 0;
        foreach (var d in due.Where(d => !d.Disabled))
        {
            try
            {
                using var mail = new MailMessage(o.From, d.Email, d.Message.Subject, Body(d.Message.Body, d.Message.Link, o.SiteUrl));
                await client.SendMailAsync(mail, ct);
                d.Message.EmailedAt = DateTime.UtcNow;
                sent++;
            }
            catch (Exception e) when (e is SmtpException or InvalidOperationException or IOException or FormatException)
            {
                log.LogWarning(e, "E-mailing inbox message {Id} to user {User} through {Host}:{Port} failed; it will be tried again at the next run", d.Message.Id, d.Message.UserId, o.Host, o.Port);
                break; // the server is likely down: the rest wait for the next run
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    static string Body(string body, string? link, string? site) =>
        link is null ? body : $"{body}\n\n{(string.IsNullOrWhiteSpace(site) ? "" : site.TrimEnd('/'))}{link}\n\nYou get these because you lead tension monitoring for the area and asked for alerts by e-mail.";
}
