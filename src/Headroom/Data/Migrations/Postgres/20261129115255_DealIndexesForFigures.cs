using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headroom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DealIndexesForFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deals_OrgId_Outcome_ClosedUtc_AmountMinor_CreatedUtc",
                table: "Deals",
                columns: new[] { "OrgId", "Outcome", "ClosedUtc", "AmountMinor", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OrgId_Outcome_ExpectedCloseDate_StageId_AmountMinor",
                table: "Deals",
                columns: new[] { "OrgId", "Outcome", "ExpectedCloseDate", "StageId", "AmountMinor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_OrgId_Outcome_ClosedUtc_AmountMinor_CreatedUtc",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OrgId_Outcome_ExpectedCloseDate_StageId_AmountMinor",
                table: "Deals");
        }
    }
}
