using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headroom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ActivityDayTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Calls",
                table: "MemberActivityDays",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Demos",
                table: "MemberActivityDays",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Emails",
                table: "MemberActivityDays",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Messages",
                table: "MemberActivityDays",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Others",
                table: "MemberActivityDays",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Calls",
                table: "MemberActivityDays");

            migrationBuilder.DropColumn(
                name: "Demos",
                table: "MemberActivityDays");

            migrationBuilder.DropColumn(
                name: "Emails",
                table: "MemberActivityDays");

            migrationBuilder.DropColumn(
                name: "Messages",
                table: "MemberActivityDays");

            migrationBuilder.DropColumn(
                name: "Others",
                table: "MemberActivityDays");
        }
    }
}
