using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Data.Storage;
using DonDoc.Web.Accounts;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;

namespace DonDoc.Web.Hosting;

/// <summary>Builds the DonDoc web application: services, pipeline, database migrated, administrator ensured.</summary>
public static class DonDocWebApplication
{
    public static async Task<WebApplication> CreateAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DonDocWebApplication).Assembly.GetName().Name,
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(WorkingDayCalendar.Default);
        builder.Services.AddSingleton<DeadlineParser>();
        builder.Services.AddSingleton(sp => new TaskStatusEvaluator(sp.GetRequiredService<WorkingDayCalendar>(), builder.Configuration.GetValue("Tracking:DueSoonDays", 7)));
        builder.Services.AddDonDocData(builder.Configuration);
        builder.Services
            .AddIdentityCore<IdentityUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DonDocDbContext>();
        builder.Services.AddScoped<AdministratorBootstrap>();
        builder.Services.AddRazorPages();
        // Vietnamese letters go out as UTF-8, not as &#x...; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        app.UseRouting();
        app.MapRazorPages();

        await DatabaseMigrator.MigrateAsync(app.Services, cancellationToken);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AdministratorBootstrap>().EnsureAsync(cancellationToken);
        }

        return app;
    }
}
