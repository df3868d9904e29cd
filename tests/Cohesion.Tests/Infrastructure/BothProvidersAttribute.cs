using System.Reflection;
using Cohesion.Data;
using Xunit.Sdk;

namespace Cohesion.Tests.Infrastructure;

/// <summary>Runs a database test once on SQLite and once on PostgreSQL: every database behaviour holds on both.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.Postgres]];
}
