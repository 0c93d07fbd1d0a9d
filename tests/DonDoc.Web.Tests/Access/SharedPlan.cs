using DonDoc.Web.Tests.Hosting;

namespace DonDoc.Web.Tests.Access;

/// <summary>One published plan shared by the tests of a class that only read, or change tasks no other test of the class looks at.</summary>
public sealed class SharedPlan : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public PlanFixture Plan { get; private set; } = null!;

    public async Task InitializeAsync() => Plan = await PlanFixture.StartAsync();

    /// <summary>A bearer client per user, signed in once.</summary>
    public async Task<HttpClient> ApiAsync(string email)
    {
        if (!_clients.TryGetValue(email, out var client))
        {
            client = await Plan.App.ApiClientAsync(email);
            _clients[email] = client;
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Plan.DisposeAsync();
    }
}
