using DonDoc.Web.Hosting;

var app = await DonDocWebApplication.CreateAsync(args);
await app.RunAsync();

/// <summary>The entry point, visible to integration tests.</summary>
public partial class Program;
