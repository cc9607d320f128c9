using System.Net;
using System.Net.Sockets;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Watching;

/// <summary>A fetch refused by the guard; never retried, and its message is the reason shown.</summary>
public sealed class FetchRefusedException(string message) : Exception(message);

/// <summary>
/// Opens every connection a fetch makes, and refuses those to addresses that are not public unless the host is
/// allow-listed. The check is on the address actually connected to, after the name is resolved, so neither a
/// redirect nor a name that resolves differently the second time (DNS rebinding) gets past it.
/// </summary>
public sealed class GuardedConnector(FetchOptions options)
{
    /// <summary>The handler every fetch goes through: this connector, no proxy, no automatic redirects.</summary>
    public static SocketsHttpHandler CreateHandler(FetchOptions options) => new()
    {
        ConnectCallback = new GuardedConnector(options).ConnectAsync,

        // A proxy would be what is connected to, so the guard would check the proxy instead of the page's address.
        UseProxy = false,

        // Each hop is checked by the fetcher (scheme, credentials, count) before it is requested.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0)
        {
            throw new FetchRefusedException($"{host} has no address");
        }

        // Every address must pass, so a name cannot mix a public address with an internal one.
        if (!IsAllowed(host))
        {
            foreach (var address in addresses.Where(a => !IsAllowed(a.ToString())))
            {
                if (AddressGuard.Refusal(address) is { } why)
                {
                    throw new FetchRefusedException(
                        $"{host} is {address}, {why}: only public addresses are fetched unless Fetch:AllowedHosts lists the host");
                }
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool IsAllowed(string hostOrAddress) =>
        options.AllowedHosts.Any(allowed => string.Equals(allowed.Trim(), hostOrAddress, StringComparison.OrdinalIgnoreCase));
}
