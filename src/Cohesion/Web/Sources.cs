using Cohesion.Places;
using Cohesion.Places.Import;

namespace Cohesion.Web;

/// <summary>The attribution shown under figures: the dataset's own, plus the boundary statement on maps.</summary>
public static class Sources
{
    public static Attribution Census(DatasetView? data) => data is null
        ? new Attribution("", "", Census2011.Attribution, false)
        : new Attribution(data.Source, data.Licence, data.Attribution, data.IsSynthetic);

    public static Attribution WithBoundaries(Attribution a) => a with { Statement = a.Statement + " " + DemoPlace.BoundaryAttribution };
}
