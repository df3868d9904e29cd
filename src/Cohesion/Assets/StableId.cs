using System.Security.Cryptography;
using System.Text;

namespace Cohesion.Assets;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1) in Cohesion's own namespace, so the seeded taxonomy and the demo
/// directory have the same ids on every installation and other directories can rely on them.
/// </summary>
public static class StableId
{
    static readonly Guid Namespace = new("6f1f4c1e-3b55-4a43-9c6e-0c5e7a7d2c01");

    public static Guid For(string name)
    {
        Span<byte> ns = stackalloc byte[16];
        Namespace.TryWriteBytes(ns, bigEndian: true, out _);
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        ns.CopyTo(input);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
