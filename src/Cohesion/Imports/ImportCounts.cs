namespace Cohesion.Imports;

/// <summary>Counts in import messages, worded for one and for many ("1 response", "3 responses"), never "1 responses".</summary>
public static class ImportCounts
{
    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n:N0} {many}";
}
