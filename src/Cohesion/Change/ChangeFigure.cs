using Cohesion.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohesion.Change;

/// <summary>What a stored change figure counts. Rates (churn, arrivals per 1,000) are made from these when read.</summary>
public enum StoredMeasure
{
    /// <summary>Registered at the end of the period.</summary>
    Stock = 0,
    /// <summary>Registered at the start of the period (the denominator of churn), in this period's categories.</summary>
    StartStock = 1,
    Inflow = 2,
    Outflow = 3,
    /// <summary>Registrations whose previous address was abroad.</summary>
    Arrivals = 4,
    /// <summary>School census: pupils at the census.</summary>
    Pupils = 10,
    /// <summary>School census: pupils not in the previous census, or in another area in it.</summary>
    NewToArea = 11,
    /// <summary>School census: pupils whose first language is not English.</summary>
    Eal = 12,
}

/// <summary>
/// The aggregates of a record-level extract for one dataset, period and area (a small area, or its district,
/// whose figures are the margins of the small areas' tables): every measure × category packed as little-endian
/// 32-bit integers, measure-major, in the order of <see cref="ChangeMeasures.Of"/> and of the dataset's
/// categories' sort order. <see cref="Exact"/> is for the owner; <see cref="Published"/> is what everyone else
/// sees under the dataset's disclosure policy, fixed at import, with −1 where a value is withheld. Packing a
/// whole area-period into one row keeps a national load to about a million rows rather than a hundred million,
/// and every read (a map, a ranking, a timeline) wants whole area-periods anyway (docs/decisions/0005).
/// </summary>
public sealed class ChangeFigure
{
    public int DatasetId { get; set; }
    public required string Period { get; set; }
    public int AreaId { get; set; }
    public required byte[] Exact { get; set; }
    public required byte[] Published { get; set; }
}

/// <summary>The measures a dataset of each kind stores, in their packed order.</summary>
public static class ChangeMeasures
{
    public static readonly StoredMeasure[] Gp = [StoredMeasure.Stock, StoredMeasure.StartStock, StoredMeasure.Inflow, StoredMeasure.Outflow, StoredMeasure.Arrivals];
    public static readonly StoredMeasure[] School = [StoredMeasure.Pupils, StoredMeasure.NewToArea, StoredMeasure.Eal];

    public static StoredMeasure[] Of(DatasetKind kind) => kind == DatasetKind.SchoolCensus ? School : Gp;
}

sealed class ChangeFigureConfiguration : IEntityTypeConfiguration<ChangeFigure>
{
    public void Configure(EntityTypeBuilder<ChangeFigure> b)
    {
        b.ToTable("change_figures");
        // Key order serves the hot reads: one dataset and period across areas (maps, rankings).
        b.HasKey(f => new { f.DatasetId, f.Period, f.AreaId });
        b.Property(f => f.Period).HasMaxLength(16);
        // An area's timeline reads one area across periods.
        b.HasIndex(f => new { f.AreaId, f.DatasetId });
        b.HasOne<Dataset>().WithMany().HasForeignKey(f => f.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Area>().WithMany().HasForeignKey(f => f.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}
