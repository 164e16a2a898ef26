using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headroom.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MemberActivityDays_OrgId_Day_Activities_Visits",
                table: "MemberActivityDays",
                columns: new[] { "OrgId", "Day", "Activities", "Visits" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OrgId_ClosedUtc",
                table: "Deals",
                columns: new[] { "OrgId", "ClosedUtc" },
                filter: "\"ClosedUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OrgId_CreatedUtc",
                table: "Deals",
                columns: new[] { "OrgId", "CreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MemberActivityDays_OrgId_Day_Activities_Visits",
                table: "MemberActivityDays");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OrgId_ClosedUtc",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OrgId_CreatedUtc",
                table: "Deals");
        }
    }
}
