using Cohesion.Data;
using Cohesion.Surveys.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cohesion.Surveys;

/// <summary>
/// Writes many responses and their answers inside the context's open transaction: prepared INSERTs reused on SQLite,
/// binary COPY on PostgreSQL. The demo's 4,500 responses carry some 300,000 answers; through EF's change tracker
/// they took several times longer than the whole of the rest of start-up.
/// </summary>
public static class ResponseBulkWriter
{
    /// <summary>Writes the responses (made by <see cref="ResponseWriter.ToResponse"/>), setting their ids; returns the answers written.</summary>
    public static async Task<long> WriteAsync(CohesionDb db, IReadOnlyList<SurveyResponse> responses, CancellationToken ct = default)
    {
        if (responses.Count == 0) return 0;
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("ResponseBulkWriter needs an open transaction");
        return db.Database.GetDbConnection() is NpgsqlConnection pg
            ? await PostgresAsync(pg, responses, ct)
            : await SqliteAsync((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)tx, responses, ct);
    }

    static async Task<long> PostgresAsync(NpgsqlConnection pg, IReadOnlyList<SurveyResponse> responses, CancellationToken ct)
    {
        // Ids are taken from the column's own sequence first, so COPY can write them and the answers can refer to them.
        await using (var ids = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('sv_responses', 'id')) FROM generate_series(1, @n)", pg))
        {
            ids.Parameters.AddWithValue("n", responses.Count);
            await using var reader = await ids.ExecuteReaderAsync(ct);
            for (var i = 0; await reader.ReadAsync(ct); i++) responses[i].Id = reader.GetInt64(0);
        }
        await using (var copy = await pg.BeginBinaryImportAsync(
            "COPY sv_responses (id, survey_id, submitted_on, source, receipt, residence_area_id, design_weight, stratum, cluster) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in responses)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(r.SurveyId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.SubmittedOn, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(r.Source, NpgsqlDbType.Varchar, ct);
                await WriteOrNullAsync(copy, r.Receipt, NpgsqlDbType.Varchar, ct);
                await WriteOrNullAsync(copy, r.ResidenceAreaId, NpgsqlDbType.Integer, ct);
                await WriteOrNullAsync(copy, r.DesignWeight, NpgsqlDbType.Double, ct);
                await WriteOrNullAsync(copy, r.Stratum, NpgsqlDbType.Varchar, ct);
                await WriteOrNullAsync(copy, r.Cluster, NpgsqlDbType.Varchar, ct);
            }
            await copy.CompleteAsync(ct);
        }
        long n = 0;
        await using (var copy = await pg.BeginBinaryImportAsync("COPY sv_answers (response_id, item_code, choice, value) FROM STDIN (FORMAT BINARY)", ct))
        {
            // Synchronous writes: they only fill Npgsql's buffer (it sends when full); awaiting each of 1.1 million values
            // took a quarter more CPU.
            foreach (var r in responses)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var a in r.Answers)
                {
                    copy.StartRow();
                    copy.Write(r.Id, NpgsqlDbType.Bigint);
                    copy.Write(a.ItemCode, NpgsqlDbType.Varchar);
                    if (a.Choice is { } c) copy.Write(c, NpgsqlDbType.Varchar); else copy.WriteNull();
                    if (a.Value is { } v) copy.Write(v, NpgsqlDbType.Double); else copy.WriteNull();
                    a.ResponseId = r.Id;
                    n++;
                }
            }
            await copy.CompleteAsync(ct);
        }
        return n;
    }

    static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : class =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    static async Task<long> SqliteAsync(SqliteConnection conn, SqliteTransaction tx, IReadOnlyList<SurveyResponse> responses, CancellationToken ct)
    {
        await using var response = conn.CreateCommand();
        response.Transaction = tx;
        response.CommandText = "INSERT INTO sv_responses (survey_id, submitted_on, source, receipt, residence_area_id, design_weight, stratum, cluster) " +
            "VALUES ($s, $d, $o, $r, $a, $w, $t, $c) RETURNING id";
        var s = response.Parameters.Add("$s", SqliteType.Integer);
        var d = response.Parameters.Add("$d", SqliteType.Text);
        var o = response.Parameters.Add("$o", SqliteType.Text);
        var rc = response.Parameters.Add("$r", SqliteType.Text);
        var a = response.Parameters.Add("$a", SqliteType.Integer);
        var w = response.Parameters.Add("$w", SqliteType.Real);
        var t = response.Parameters.Add("$t", SqliteType.Text);
        var c = response.Parameters.Add("$c", SqliteType.Text);
        response.Prepare();

        await using var answer = conn.CreateCommand();
        answer.Transaction = tx;
        answer.CommandText = "INSERT INTO sv_answers (response_id, item_code, choice, value) VALUES ($r, $i, $c, $v)";
        var ar = answer.Parameters.Add("$r", SqliteType.Integer);
        var ai = answer.Parameters.Add("$i", SqliteType.Text);
        var ac = answer.Parameters.Add("$c", SqliteType.Text);
        var av = answer.Parameters.Add("$v", SqliteType.Real);
        answer.Prepare();

        // One-row statements: Microsoft.Data.Sqlite binds parameters by name, so a many-row statement (tried, 200 rows)
        // cost three times as much.
        long n = 0;
        foreach (var r in responses)
        {
            ct.ThrowIfCancellationRequested();
            // As EF stores a DateOnly on SQLite: ISO text.
            s.Value = r.SurveyId; d.Value = r.SubmittedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); o.Value = r.Source;
            rc.Value = (object?)r.Receipt ?? DBNull.Value; a.Value = (object?)r.ResidenceAreaId ?? DBNull.Value; w.Value = (object?)r.DesignWeight ?? DBNull.Value;
            t.Value = (object?)r.Stratum ?? DBNull.Value; c.Value = (object?)r.Cluster ?? DBNull.Value;
            r.Id = (long)response.ExecuteScalar()!;
            ar.Value = r.Id;
            foreach (var x in r.Answers)
            {
                ai.Value = x.ItemCode; ac.Value = (object?)x.Choice ?? DBNull.Value; av.Value = (object?)x.Value ?? DBNull.Value;
                answer.ExecuteNonQuery();
                x.ResponseId = r.Id;
                n++;
            }
        }
        return n;
    }
}
