namespace DonDoc.Web.Tests.Hosting;

/// <summary>
/// One published plan per database (SQLite always, PostgreSQL when configured), started the first time a
/// test of the class asks for it and shared by the tests of that class. Tests that change data use their
/// own accounts or tasks; none of them moves the clock.
/// </summary>
public sealed class PlansOnEveryDatabase : IAsyncLifetime
{
    private readonly Dictionary<string, PlanFixture> _plans = [];
    private readonly Dictionary<(string Provider, string Email), HttpClient> _clients = [];
    private readonly SemaphoreSlim _starting = new(1, 1);

    public async Task<PlanFixture> PlanAsync(string provider)
    {
        await _starting.WaitAsync();
        try
        {
            if (!_plans.TryGetValue(provider, out var plan))
            {
                plan = await PlanFixture.StartOnAsync(provider);
                _plans[provider] = plan;
            }

            return plan;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>A bearer client per user and database, signed in once.</summary>
    public async Task<HttpClient> ApiAsync(string provider, string email)
    {
        var plan = await PlanAsync(provider);
        if (!_clients.TryGetValue((provider, email), out var client))
        {
            client = await plan.App.ApiClientAsync(email);
            _clients[(provider, email)] = client;
        }

        return client;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        foreach (var plan in _plans.Values)
        {
            await plan.DisposeAsync();
        }

        _starting.Dispose();
    }
}
