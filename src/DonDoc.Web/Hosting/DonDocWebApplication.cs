using System.Text.Encodings.Web;
using System.Text.Unicode;
using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Data.Accounts;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Calendar;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Hosting;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Reminders.Scheduling;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Accounts;
using DonDoc.Web.Api;
using DonDoc.Web.Api.Documentation;
using DonDoc.Web.Dashboard;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;

namespace DonDoc.Web.Hosting;

/// <summary>Builds the DonDoc web application: services, pipeline, database migrated, directory seeded, administrator ensured.</summary>
public static class DonDocWebApplication
{
    /// <summary>The scheme that picks the bearer token when a request carries one, the cookie otherwise.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    /// <param name="overrides">Replaces registrations after DonDoc's own; tests use it to set the clock.</param>
    public static async Task<WebApplication> CreateAsync(string[] args, Action<IServiceCollection>? overrides = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DonDocWebApplication).Assembly.GetName().Name,
        });

        // The defaults sit under every other source: appsettings, the environment and the command line override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LoggingDefaults });
        AddServices(builder.Services, builder.Configuration);
        overrides?.Invoke(builder.Services);
        var app = builder.Build();
        UsePipeline(app);
        if (app.Services.GetRequiredService<TimeProvider>() is DonDoc.Tracking.Hosting.StartedClock started)
        {
            app.Logger.LogWarning("The clock was set by Clock:Start to {Start}, not the system's: a training or acceptance deployment", started.Start);
        }

        await DatabaseMigrator.MigrateAsync(app.Services, cancellationToken);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AgencyDirectoryStore>().SeedDefaultAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<AdministratorBootstrap>().EnsureAsync(cancellationToken);
            // Tasks published before their state was stored appear in lists from the first request.
            await scope.ServiceProvider.GetRequiredService<TaskStatusRefresh>().BackfillAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<EvidenceSweeper>().SweepAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<CurrentCalendar>().RefreshAsync(
                scope.ServiceProvider.GetRequiredService<DonDocDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
        }

        return app;
    }

    /// <summary>
    /// One JSON line per request (<see cref="RequestLog"/>) and DonDoc's own events at Information; ASP.NET Core's
    /// and EF Core's chatter at Warning (SQL statements are Debug), even where no appsettings.json is found.
    /// </summary>
    private static readonly Dictionary<string, string?> LoggingDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Extensions.Hosting"] = "Information",
        ["Logging:Console:FormatterName"] = "json",
    };

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDonDocTracking(configuration);
        if (ReminderOptions.Read(configuration).Scheduler)
        {
            // The day's reminders at 07:30, the outbox every minute: Quartz over the same database, clustered on PostgreSQL.
            services.AddDonDocScheduler(configuration);
        }

        UserAccounts.AddDonDocIdentityCore(services)
            .AddClaimsPrincipalFactory<ActorClaimsFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    ApiKeyAuthentication.Carries(context.Request) ? ApiKeyAuthentication.SchemeName
                    : IsBearer(context.Request) ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "DonDoc";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // Every request checks the account's security stamp and the session's age, not Identity's 30-minute interval.
            options.Events.OnValidatePrincipal = SessionCheck.ValidateCookieAsync;
            options.Events.OnRedirectToLogin = context => ApiAware(context.Response, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAware(context.Response, context.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization();
        // The keys that protect cookies and bearer tokens are kept beside the data, so that sign-ins survive a restart.
        services.AddDataProtection()
            .SetApplicationName("DonDoc")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(configuration["Storage:KeysPath"] is { Length: > 0 } keys ? keys : Path.Combine("data", "keys"))));

        services.AddHostedService<TaskStatusRefreshService>();
        services.AddScoped<AdministratorBootstrap>();
        services.AddHostedService<CalendarRefresh>();
        services.AddHostedService<PasswordResetMailSender>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<PasswordSignIn>();

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
            options.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/Unsubscribe");
            options.Conventions.AuthorizeFolder("/Admin", "admin");
        });
        services.AddAuthorizationBuilder()
            .AddPolicy("admin", policy => policy.RequireRole(Core.Access.Roles.Administrator))
            .AddPolicy(ApiEndpoints.BearerPolicy, policy => policy
                .RequireAuthenticatedUser()
                // The API takes bearer tokens and API keys only: a browser's cookie cannot be ridden across sites to change data.
                .RequireAssertion(context => context.Resource is HttpContext http && (IsBearer(http.Request) || ApiKeyAuthentication.Carries(http.Request))));
        services.AddDonDocHealthChecks();
        services.AddDonDocOpenApi();
        services.AddProblemDetails();
        services.Configure<FormOptions>(options =>
        {
            options.MultipartBodyLengthLimit = 64L * 1024 * 1024;
            // A review form carries eight fields for each of a few hundred rows.
            options.ValueCountLimit = 20_000;
        });
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new VietnameseDateJsonConverter());
        });
        // A body or parameter that cannot be read throws, so that the API answers problem details naming it instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Vietnamese letters go out as UTF-8, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
    }

    public static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task ApiAware(HttpResponse response, string redirectUri, int status)
    {
        if (response.HttpContext.Request.Path.StartsWithSegments("/api"))
        {
            response.StatusCode = status;
        }
        else
        {
            response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Where the API reference page lives; /Admin/ApiKeys and the README link here.</summary>
    public const string ApiReferencePath = "/api-reference";

    // The interactive API reference (Scalar), from the package's own files: no CDN, no fonts from outside.
    // Behind sign-in unless the administrator sets Api:PublicReference to true.
    private static void MapApiReference(WebApplication app)
    {
        var reference = app.MapScalarApiReference(ApiReferencePath, options => options
            .WithTitle("DonDoc — Tài liệu API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .HideDarkModeToggle()
            .HideClientButton()
            .HideDeveloperTools()
            .DisableAgent());
        if (!app.Configuration.GetValue<bool>("Api:PublicReference"))
        {
            reference.RequireAuthorization();
        }
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseMiddleware<RequestLog>();
        // Pages answer errors with a Vietnamese page; the API answers with problem details, whatever went wrong.
        app.UseWhen(
            context => !ApiProblems.IsApi(context.Request),
            branch =>
            {
                branch.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    ExceptionHandlingPath = "/Error",
                    StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
                });
                branch.UseWhen(
                    context => !context.Request.Path.StartsWithSegments("/openapi"),
                    pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
            });
        app.UseWhen(
            context => ApiProblems.IsApi(context.Request),
            branch =>
            {
                branch.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiProblems.WriteExceptionAsync });
                branch.UseStatusCodePages(ApiProblems.WriteStatusAsync);
            });
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // The API reference page (Scalar, served from the package) configures itself with an inline module
            // script and inline styles; every other page keeps the strict policy.
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferencePath)
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'"
                : "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
            await next(context);
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<SessionCheck.BearerTokens>();
        app.UseMiddleware<PasswordChangeRequirement>();
        app.UseAuthorization();
        app.UseMiddleware<IdempotentRequests>();
        app.MapDonDocHealth();
        app.MapOpenApi();
        MapApiReference(app);
        app.MapRazorPages();
        app.MapDonDocApi();
        // A person's private calendar feed: the secret in the address is the only key (calendar apps send no cookie).
        app.MapGet("/lich/{token}.ics", async (string token, CalendarFeed feed, HttpContext http, CancellationToken ct) =>
            await feed.BuildAsync(token, ct) is { } calendar
                ? Results.Text(calendar, "text/calendar; charset=utf-8")
                : Results.NotFound()).AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Documented(
                "getCalendarFeed", "Lịch hạn nhiệm vụ của một người (iCal)",
                "A person's private iCalendar feed of the deadlines of their tasks, for calendar apps to subscribe to. The secret token in the address is the only credential; an unknown, revoked or locked account's token answers 404.",
                ApiOperation.Anonymous, 404);
    }
}
