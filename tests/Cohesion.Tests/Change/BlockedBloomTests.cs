using System.Text;
using Cohesion.Change.Extract;

namespace Cohesion.Tests.Change;

/// <summary>The duplicate-spell filter: exact about repeats, and rarely wrong about new keys.</summary>
public class BlockedBloomTests
{
    [Fact]
    public void ARepeatedKeyIsAlwaysFlaggedAndDistinctKeysRarelyAre()
    {
        using var bloom = new BlockedBloom(log2Words: 16);
        var flagged = 0;
        // One key per word on average: an even spread of bits gives about one false alarm here. When the bit
        // positions depended on the bits that chose the word, keys in a word shared most of their bits: this gave
        // 21, and a 10M-row extract had 34,000 flagged hashes to confirm in the second pass (30M: 390,000).
        for (var i = 0; i < 1 << 16; i++)
            if (bloom.AddAndCheck(BlockedBloom.SpellHash(Encoding.ASCII.GetBytes($"patient{i:x12}"), 740_000 + i % 3000))) flagged++;
        Assert.InRange(flagged, 0, 10);
        Assert.True(bloom.AddAndCheck(BlockedBloom.SpellHash("patient00000000002a"u8, 740_000 + 42)));
    }
}
