using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Hosting;

/// <summary>Pages refuse a form with a missing or unreadable value in Vietnamese, and never answer 500.</summary>
public sealed class PageRefusalTest(PlansOnEveryDatabase plans) : IClassFixture<PlansOnEveryDatabase>
{
    public static TheoryData<string> Providers => RunningApp.Providers;

    private static async Task<string> RefusedPageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}");
        Assert.Contains("class=\"error\"", html, StringComparison.Ordinal);
        return html;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Directory_forms_without_a_name_are_refused(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        using var admin = await plan.App.BrowserClientAsync(RunningApp.AdminEmail);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Agencies");

        var create = await admin.PostAsync("/Admin/Agencies?handler=Create", AdminPages.Form(token, ("kind", "Other")));
        var group = await admin.PostAsync("/Admin/Agencies?handler=Group", AdminPages.Form(token, ("aliases", "")));

        Assert.Contains("Tên", await RefusedPageAsync(create, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("Tên", await RefusedPageAsync(group, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_review_page_refuses_to_remember_a_name_it_was_not_given_and_shows_a_published_plan(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        var office = await plans.ApiAsync(provider, Office);
        using var browser = await plan.App.BrowserClientAsync(Office);
        var draft = (await ImportAsync(office, "ke-hoach-cai-cach.txt")).GetProperty("id").GetInt32();
        var token = await RunningApp.AntiforgeryTokenAsync(browser, $"/Imports/Review/{draft}");

        var remember = await browser.PostAsync($"/Imports/Review/{draft}?handler=Remember", AdminPages.Form(token, ("aliasOf", "Sở Nội vụ")));
        var published = await browser.GetAsync($"/Imports/Review/{plan.PlanId}");

        await RefusedPageAsync(remember, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal($"/Plans/{plan.PlanId}", published.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_post_to_a_handler_that_does_not_exist_is_not_found(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        using var browser = await plan.App.BrowserClientAsync(NoiVu);
        var id = plan.TaskId("Rà soát thủ tục hành chính");
        var token = await RunningApp.AntiforgeryTokenAsync(browser, $"/Tasks/{id}");

        var response = await browser.PostAsync($"/Tasks/{id}?handler=Nope", AdminPages.Form(token));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string, string, string, string> TaskForms
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var provider in RunningApp.Providers)
            {
                data.Add(provider, "Progress", "percent", "abc");
                data.Add(provider, "Progress", "version", "abc");
                data.Add(provider, "Completion", "doneOn", "31/02/2026");
                data.Add(provider, "Extension", "newDue", "31/02/2027");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TaskForms))]
    public async Task A_task_form_with_an_unreadable_value_is_refused_naming_it_and_nothing_is_stored(string provider, string handler, string field, string value)
    {
        var plan = await plans.PlanAsync(provider);
        var id = plan.TaskId("Kiểm tra công tác văn thư", "Sở Tài chính");
        var api = await plans.ApiAsync(provider, TaiChinh);
        using var browser = await plan.App.BrowserClientAsync(TaiChinh);
        var token = await RunningApp.AntiforgeryTokenAsync(browser, $"/Tasks/{id}");
        var before = (await api.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}")).GetProperty("task").GetProperty("version").GetInt32();

        var response = await browser.PostAsync($"/Tasks/{id}?handler={handler}", new MultipartFormDataContent
        {
            { new StringContent("Đã làm"), "summary" },
            { new StringContent("Chờ ý kiến"), "reason" },
            { new StringContent(value), field },
            { new StringContent(token), "__RequestVerificationToken" },
        });
        var after = (await api.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}")).GetProperty("task").GetProperty("version").GetInt32();

        Assert.Contains(value, await RefusedPageAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(before, after);
    }
}
