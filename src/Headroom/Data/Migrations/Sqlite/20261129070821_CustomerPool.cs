using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headroom.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerPool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PoolTeamId",
                table: "Leads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PoolTeamId",
                table: "Accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrganizationPoolSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Settings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationPoolSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizationPoolSettings_Organizations_OrgId",
                        column: x => x.OrgId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OrgId_PoolTeamId",
                table: "Leads",
                columns: new[] { "OrgId", "PoolTeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_OrgId_PoolTeamId",
                table: "Accounts",
                columns: new[] { "OrgId", "PoolTeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationPoolSettings_OrgId",
                table: "OrganizationPoolSettings",
                column: "OrgId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Accounts_Teams_PoolTeamId",
                table: "Accounts",
                column: "PoolTeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Leads_Teams_PoolTeamId",
                table: "Leads",
                column: "PoolTeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Accounts_Teams_PoolTeamId",
                table: "Accounts");

            migrationBuilder.DropForeignKey(
                name: "FK_Leads_Teams_PoolTeamId",
                table: "Leads");

            migrationBuilder.DropTable(
                name: "OrganizationPoolSettings");

            migrationBuilder.DropIndex(
                name: "IX_Leads_OrgId_PoolTeamId",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_OrgId_PoolTeamId",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "PoolTeamId",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "PoolTeamId",
                table: "Accounts");
        }
    }
}
