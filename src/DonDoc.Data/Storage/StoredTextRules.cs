using DonDoc.Core.Text;
using DonDoc.Data.Accounts;
using DonDoc.Data.Agencies;
using DonDoc.Data.Auditing;
using DonDoc.Data.Plans;
using DonDoc.Data.Tracking;
using DonDoc.Data.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DonDoc.Data.Storage;

/// <summary>
/// What a text column may hold, checked in one place before anything is saved, the same on SQLite (which
/// would store anything) and PostgreSQL (which answers a bare error): no longer than the column's length
/// (or, for a column without one, a generous bound), no NUL character, and for a file name no control or
/// invisible formatting character. Names lose their invisible characters and are composed (NFC).
/// A value out of bounds is refused with the field's Vietnamese name; nothing is stored.
/// </summary>
public static class StoredTextRules
{
    /// <summary>The longest free text of a column without a declared length: a progress report, a reason, a task's content.</summary>
    public const int LongText = 20_000;

    private enum Kind
    {
        Text,
        Name,
        FileName,
    }

    private sealed record Rule(string Label, Kind Kind = Kind.Text, int? MaxLength = null);

    private static readonly Dictionary<(Type Entity, string Property), Rule> Rules = new()
    {
        [(typeof(ProgressReportEntity), nameof(ProgressReportEntity.Summary))] = new("nội dung báo cáo"),
        [(typeof(ProgressReportEntity), nameof(ProgressReportEntity.Difficulties))] = new("khó khăn, vướng mắc"),
        [(typeof(ProgressReportEntity), nameof(ProgressReportEntity.Proposals))] = new("đề xuất, kiến nghị"),
        [(typeof(ProgressReportEntity), nameof(ProgressReportEntity.Period))] = new("kỳ báo cáo"),
        [(typeof(ProgressReportEntity), nameof(ProgressReportEntity.AuthorName))] = new("tên người báo cáo", Kind.Name),
        [(typeof(EvidenceFileEntity), nameof(EvidenceFileEntity.FileName))] = new("tên tệp", Kind.FileName),
        [(typeof(EvidenceFileEntity), nameof(EvidenceFileEntity.UploadedBy))] = new("tên người tải lên", Kind.Name),
        [(typeof(ChecklistItemEntity), nameof(ChecklistItemEntity.Text))] = new("sản phẩm"),
        [(typeof(ExtensionRequestEntity), nameof(ExtensionRequestEntity.Reason))] = new("lý do đề nghị gia hạn"),
        [(typeof(ExtensionRequestEntity), nameof(ExtensionRequestEntity.DecisionNote))] = new("ý kiến về đề nghị gia hạn"),
        [(typeof(RecordedEventEntity), nameof(RecordedEventEntity.Name))] = new("tên sự kiện", Kind.Name),
        [(typeof(RecordedEventEntity), nameof(RecordedEventEntity.DocumentNumber))] = new("số văn bản"),
        [(typeof(AgencyEntity), nameof(AgencyEntity.Name))] = new("tên cơ quan", Kind.Name),
        [(typeof(AgencyAliasEntity), nameof(AgencyAliasEntity.Alias))] = new("tên gọi", Kind.Name),
        [(typeof(AgencyAliasEntity), nameof(AgencyAliasEntity.Key))] = new("tên gọi"),
        [(typeof(AgencyGroupEntity), nameof(AgencyGroupEntity.Name))] = new("tên nhóm cơ quan", Kind.Name),
        [(typeof(AgencyGroupEntity), nameof(AgencyGroupEntity.Aliases))] = new("tên gọi khác của nhóm"),
        [(typeof(AgencyGroupEntity), nameof(AgencyGroupEntity.MemberNames))] = new("thành viên của nhóm"),
        [(typeof(PlanEntity), nameof(PlanEntity.Number))] = new("số ký hiệu kế hoạch"),
        [(typeof(PlanEntity), nameof(PlanEntity.Issuer))] = new("cơ quan ban hành"),
        [(typeof(PlanEntity), nameof(PlanEntity.Title))] = new("tên kế hoạch", Kind.Name),
        [(typeof(PlanEntity), nameof(PlanEntity.SourceFile))] = new("tên tệp kế hoạch"),
        [(typeof(PlanEntity), nameof(PlanEntity.StateReason))] = new("lý do lưu trữ hoặc hủy"),
        // The importer's warnings and dropped lines of a large plan.
        [(typeof(PlanEntity), nameof(PlanEntity.ImportNotesJson))] = new("ghi chú khi nhập", MaxLength: 20_000_000),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.Number))] = new("số thứ tự"),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.SectionId))] = new("số hiệu mục"),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.SectionTitle))] = new("tên mục"),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.Content))] = new("nội dung nhiệm vụ"),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.Lead))] = new("cơ quan chủ trì"),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.Coordinators))] = new("cơ quan phối hợp"),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.DeadlineRaw))] = new("thời hạn"),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.Product))] = new("sản phẩm"),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.Evidence))] = new("tài liệu kiểm chứng"),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.Note))] = new("ghi chú"),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.RawText))] = new("nội dung gốc của dòng", MaxLength: 100_000),
        // The folded copies search reads, made from the fields above.
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.SearchMain))] = new("nội dung tìm kiếm", MaxLength: 400_000),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.SearchPlan))] = new("nội dung tìm kiếm", MaxLength: 400_000),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.SearchLead))] = new("nội dung tìm kiếm", MaxLength: 400_000),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.SearchCoordinators))] = new("nội dung tìm kiếm", MaxLength: 400_000),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.ReviewNote))] = new("lý do trả lại"),
        [(typeof(PlanTaskEntity), nameof(PlanTaskEntity.CancelReason))] = new("lý do hủy"),
        [(typeof(TaskAssignmentEntity), nameof(TaskAssignmentEntity.Note))] = new("ghi chú về cơ quan"),
        [(typeof(DonDocUser), nameof(DonDocUser.DisplayName))] = new("tên hiển thị", Kind.Name),
        [(typeof(ApiKeyEntity), nameof(ApiKeyEntity.Name))] = new("tên hệ thống kết nối", Kind.Name),
        [(typeof(WebhookSubscriptionEntity), nameof(WebhookSubscriptionEntity.Name))] = new("tên hệ thống nhận", Kind.Name),
        [(typeof(WebhookSubscriptionEntity), nameof(WebhookSubscriptionEntity.Url))] = new("địa chỉ nhận"),
        // A published plan's event lists every task of the plan.
        [(typeof(WebhookDeliveryEntity), nameof(WebhookDeliveryEntity.Payload))] = new("nội dung sự kiện", MaxLength: 20_000_000),
        [(typeof(DonDocUser), nameof(DonDocUser.Email))] = new("địa chỉ thư"),
        [(typeof(DonDocUser), nameof(DonDocUser.UserName))] = new("tên đăng nhập"),
        // An entry repeats the values it records, which were checked under their own names.
        [(typeof(AuditEntryEntity), nameof(AuditEntryEntity.Before))] = new("nhật ký", MaxLength: 2_000_000),
        [(typeof(AuditEntryEntity), nameof(AuditEntryEntity.After))] = new("nhật ký", MaxLength: 2_000_000),
    };

    /// <summary>Checks (and, for names, normalises) every text about to be saved; throws <see cref="StoredTextRefusedException"/> at the first that does not fit.</summary>
    public static void Apply(ChangeTracker changes)
    {
        // The audit entry last: a refusal names the field the user typed, not the log that repeats it.
        var entries = changes.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .OrderBy(e => e.Entity is AuditEntryEntity)
            .ToList();
        foreach (var entry in entries)
        {
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType != typeof(string) || property.CurrentValue is not string value
                    || (entry.State == EntityState.Modified && !property.IsModified))
                {
                    continue;
                }

                var checkedValue = Check(entry.Metadata, property.Metadata, value);
                if (!ReferenceEquals(checkedValue, value))
                {
                    property.CurrentValue = checkedValue;
                }
            }
        }
    }

    /// <summary>The same checks for an entity written without the change tracker (<see cref="BulkWriter"/>).</summary>
    public static void Apply(IEntityType entityType, object entity)
    {
        foreach (var property in entityType.GetProperties())
        {
            if (property.ClrType != typeof(string) || property.IsShadowProperty() || property.PropertyInfo is not { } info
                || info.GetValue(entity) is not string value)
            {
                continue;
            }

            var checkedValue = Check(entityType, property, value);
            if (!ReferenceEquals(checkedValue, value))
            {
                info.SetValue(entity, checkedValue);
            }
        }
    }

    private static string Check(IReadOnlyEntityType entityType, IReadOnlyProperty property, string value)
    {
        var rule = Rules.GetValueOrDefault((entityType.ClrType, property.Name)) ?? new Rule(property.Name);
        return Check(value, rule, property.GetMaxLength() ?? rule.MaxLength ?? LongText, entityType.ClrType.Name + "." + property.Name);
    }

    private static string Check(string value, Rule rule, int maxLength, string column)
    {
        if (rule.Kind == Kind.FileName && TextNormalizer.FindForbiddenInName(value) is { } forbidden)
        {
            throw new StoredTextRefusedException(
                $"{rule.Label} có ký tự điều khiển hoặc ký tự ẩn không được phép ({TextNormalizer.Describe(forbidden)}); hãy đổi tên tệp",
                $"{column} holds the forbidden character {TextNormalizer.Describe(forbidden)}");
        }

        if (rule.Kind != Kind.Text)
        {
            value = TextNormalizer.Normalize(value);
        }
        else if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new StoredTextRefusedException(
                $"{rule.Label} có ký tự không được phép (U+0000)",
                $"{column} holds a NUL character");
        }

        if (value.Length > maxLength)
        {
            throw new StoredTextRefusedException(
                $"{rule.Label} quá dài ({Number(value.Length)} ký tự; tối đa {Number(maxLength)})",
                $"{column} is {value.Length} characters long (limit {maxLength})");
        }

        return value;
    }

    /// <summary>1.250.000: thousands separated by dots, as Vietnamese writes them.</summary>
    private static string Number(int value) => value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');
}

/// <summary>A text that its column cannot hold (too long, a NUL, a forbidden character in a file name); nothing was stored.</summary>
public sealed class StoredTextRefusedException(string vietnamese, string english) : ChangeRefusedException(vietnamese, english);
