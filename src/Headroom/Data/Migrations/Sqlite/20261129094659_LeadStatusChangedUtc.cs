using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headroom.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeadStatusChangedUtc : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedUtc",
                table: "Leads",
                type: "TEXT",
                nullable: true);

            // Before this column the last edit is the best record of when the status changed.
            migrationBuilder.Sql("""UPDATE "Leads" SET "StatusChangedUtc" = "UpdatedUtc";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StatusChangedUtc",
                table: "Leads");
        }
    }
}
