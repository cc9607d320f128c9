using System.Net;
using System.Net.Sockets;

namespace PolicyTracker.Web.Watching;

/// <summary>
/// Which addresses a fetch may connect to: public unicast only. Everything that reaches this machine, its networks
/// or nowhere in particular is refused, including IPv4 addresses written in one of IPv6's forms that carry them.
/// </summary>
public static class AddressGuard
{
    /// <summary>Why <paramref name="address"/> is not public, such as "loopback"; null when it is.</summary>
    public static string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => RefusalV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => RefusalV6(address),
            _ => "not an IP address",
        };
    }

    private static string? RefusalV4(byte[] b) => (b[0], b[1], b[2]) switch
    {
        (0, _, _) => "unspecified (0.0.0.0/8)",
        (10, _, _) => "private (10.0.0.0/8)",
        (100, >= 64 and <= 127, _) => "shared address space (100.64.0.0/10)",
        (127, _, _) => "loopback (127.0.0.0/8)",
        (169, 254, _) => "link-local (169.254.0.0/16)",
        (172, >= 16 and <= 31, _) => "private (172.16.0.0/12)",
        (192, 0, 0) => "reserved for protocols (192.0.0.0/24)",
        (192, 0, 2) or (198, 51, 100) or (203, 0, 113) => "documentation",
        (192, 168, _) => "private (192.168.0.0/16)",
        (198, 18 or 19, _) => "benchmarking (198.18.0.0/15)",
        ( >= 224 and <= 239, _, _) => "multicast (224.0.0.0/4)",
        ( >= 240, _, _) => "reserved (240.0.0.0/4, broadcast)",
        _ => null,
    };

    private static string? RefusalV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6None))
        {
            return "unspecified (::)";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback (::1)";
        }

        // Forms that carry an IPv4 address are judged by it: ::ffff:127.0.0.1 is loopback too.
        if (address.IsIPv4MappedToIPv6 || IsPrefix(b, 12, 0))
        {
            return Embedded(b[12..16]);
        }

        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..])
        {
            return Embedded(b[12..16]);
        }

        if (b is [0x20, 0x02, ..])
        {
            return Embedded(b[2..6]);
        }

        return b switch
        {
            [0x20, 0x01, 0x00, 0x00, ..] => "Teredo tunnel (2001::/32)",
            [0x20, 0x01, 0x0d, 0xb8, ..] => "documentation (2001:db8::/32)",
            [0xfe, >= 0x80 and <= 0xbf, ..] => "link-local (fe80::/10)",
            [0xfe, >= 0xc0, ..] => "site-local (fec0::/10)",
            [>= 0xfc and <= 0xfd, ..] => "unique-local (fc00::/7)",
            [0xff, ..] => "multicast (ff00::/8)",
            _ when IsPrefix(b, 8, 0) => "reserved (::/64)",
            _ => null,
        };
    }

    private static string? Embedded(byte[] v4) => RefusalV4(v4) is { } why ? $"{why}, inside an IPv6 address" : null;

    private static bool IsPrefix(byte[] bytes, int count, byte value) => bytes.Take(count).All(x => x == value);
}
