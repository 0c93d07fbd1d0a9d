using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgencyProvinces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_agency_aliases_Key",
                table: "agency_aliases");

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "agency_aliases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Province",
                table: "agencies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_agency_aliases_Scope_Key",
                table: "agency_aliases",
                columns: new[] { "Scope", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agencies_Province",
                table: "agencies",
                column: "Province");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_agency_aliases_Scope_Key",
                table: "agency_aliases");

            migrationBuilder.DropIndex(
                name: "IX_agencies_Province",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "agency_aliases");

            migrationBuilder.DropColumn(
                name: "Province",
                table: "agencies");

            migrationBuilder.CreateIndex(
                name: "IX_agency_aliases_Key",
                table: "agency_aliases",
                column: "Key",
                unique: true);
        }
    }
}
