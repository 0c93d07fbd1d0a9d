using System.Threading.Channels;
using MimeKit;

namespace DonDoc.Tracking.Accounts;

/// <summary>
/// Reset links waiting to be mailed. They are sent apart from the request that asked for them, so that asking answers
/// as fast for an address with an account as for one without; a link still waiting when the app stops is not sent
/// (the person asks again). At most <see cref="Capacity"/> wait; past that a link is dropped and logged.
/// </summary>
public sealed class PasswordResetMailQueue
{
    public const int Capacity = 1000;

    private readonly Channel<MimeMessage> _waiting = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <returns>False when the queue is full: the message is not kept.</returns>
    public bool Enqueue(MimeMessage message) => _waiting.Writer.TryWrite(message);

    public IAsyncEnumerable<MimeMessage> ReadAllAsync(CancellationToken cancellationToken) => _waiting.Reader.ReadAllAsync(cancellationToken);
}
