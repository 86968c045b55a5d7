using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Joinery.Tests.Support;

/// <summary>
/// A real SMTP server inside the test process, on a free loopback port: what Joinery sends over SMTP
/// lands in <see cref="Received"/>, parsed by MimeKit.
/// </summary>
public sealed class TestMailServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Inbox _inbox = new();

    public TestMailServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_inbox);
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        WaitUntilListening();
    }

    public int Port { get; }

    /// <summary>The settings that point Joinery at this server.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "joinery@test.example",
        ["Notifications:IntervalMinutes"] = "0",
    };

    public IReadOnlyList<MimeMessage> Received => [.. _inbox.Messages];

    /// <summary>The messages to one address, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string email) =>
        Received.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>
    /// The messages to one address once at least <paramref name="count"/> have come (mail sent after a
    /// page has answered arrives a moment later); what has come after ten seconds otherwise.
    /// </summary>
    public async Task<IReadOnlyList<MimeMessage>> ArrivedAsync(string email, int count = 1)
    {
        for (var waited = 0; waited < 10_000 && To(email).Count < count; waited += 20)
        {
            await Task.Delay(20);
        }
        return To(email);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private void WaitUntilListening()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"The test mail server did not start on port {Port}.");
    }

    private sealed class Inbox : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
