namespace Cohesion.Change.Read;

/// <summary>Rapid-change flags for a district's small areas (see Cohesion.Analytics.Change.RapidChange).</summary>
public static class ChangeFlags
{
    public static List<ChangeFlagView>[] For(ChangeCube c, int[] areaIds, int period) =>
        areaIds.Select(_ => new List<ChangeFlagView>()).ToArray();
}
