-- A million published tasks for the reminder benchmark (docs/benchmarks.md), on a database that
-- `dondoc db migrate` and `dondoc user add` already prepared (the agency directory is seeded then).
-- 200 agency officers spread over the directory's agencies (two to four each), 100 plans owned by one office account, 1,000,000 tasks due
-- between 01/01/2025 and 31/12/2027 (every day alike), 60 % of those due before 25/06/2026 accepted as done,
-- each with a lead and one coordinator among those agencies.
\set ON_ERROR_STOP on
-- The number of tasks: psql -v tasks=50000 for a smaller run (a million by default).
\if :{?tasks}
\else
\set tasks 1000000
\endif
BEGIN;
INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp",
    "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "DisplayName", "AgencyId")
SELECT 'bench-officer-' || n, 'canbo' || n || '@bench.vn', upper('canbo' || n || '@bench.vn'), 'canbo' || n || '@bench.vn',
       upper('canbo' || n || '@bench.vn'), true, md5(n::text), false, false, true, 0, 'Cán bộ ' || n, a."Id"
FROM generate_series(1, 200) AS n
JOIN (SELECT "Id", row_number() OVER (ORDER BY "Id") AS r FROM agencies) a ON a.r = ((n - 1) % (SELECT count(*) FROM agencies)) + 1;
INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp",
    "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "DisplayName")
VALUES ('bench-office', 'vanphong@bench.vn', 'VANPHONG@BENCH.VN', 'vanphong@bench.vn', 'VANPHONG@BENCH.VN', true, 'x', false, false, true, 0, 'Văn phòng');

INSERT INTO plans ("Number", "Title", "State", "OwnerId", "CreatedAt", "PublishedAt", "IssuedOn", "Version")
SELECT n || '/KH-BENCH', 'Kế hoạch đo hiệu năng số ' || n, 'Published', 'bench-office', '2025-01-01Z', '2025-01-01Z', '2025-01-01', 1
FROM generate_series(1, 100) AS n;

CREATE TEMP TABLE bench_agencies AS SELECT "Id", row_number() OVER (ORDER BY "Id") - 1 AS r FROM agencies;
CREATE TEMP TABLE bench_plans AS SELECT "Id", row_number() OVER (ORDER BY "Id") - 1 AS r FROM plans WHERE "OwnerId" = 'bench-office';

INSERT INTO plan_tasks ("PlanId", "Position", "Content", "DeadlineRaw", "DeadlineKind", "DeadlineDue", "CurrentDue", "SearchMain",
    "PercentDone", "Completion", "CompletedOn", "Cancelled", "Version")
SELECT p."Id", n / 100, 'Nhiệm vụ đo hiệu năng số ' || n, to_char(d, 'DD/MM/YYYY'), 'date', d, d, 'nhiem vu do hieu nang so ' || n,
       0, CASE WHEN d < DATE '2026-06-25' AND n % 10 < 6 THEN 'Accepted' ELSE 'None' END,
       CASE WHEN d < DATE '2026-06-25' AND n % 10 < 6 THEN d ELSE NULL END, false, 1
FROM generate_series(0, :tasks - 1) AS n
CROSS JOIN LATERAL (SELECT DATE '2025-01-01' + (n % 1095) AS d) dd
JOIN bench_plans p ON p.r = n % 100;

INSERT INTO task_assignments ("TaskId", "AgencyId", "Role")
SELECT t."Id", a."Id", 'Lead' FROM plan_tasks t JOIN bench_agencies a ON a.r = t."Id" % (SELECT count(*) FROM bench_agencies)
WHERE t."PlanId" IN (SELECT "Id" FROM bench_plans);
INSERT INTO task_assignments ("TaskId", "AgencyId", "Role")
SELECT t."Id", a."Id", 'Coordinator' FROM plan_tasks t JOIN bench_agencies a ON a.r = (t."Id" + 37) % (SELECT count(*) FROM bench_agencies)
WHERE t."PlanId" IN (SELECT "Id" FROM bench_plans);
COMMIT;
ANALYZE;
