using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headroom.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssignmentQueues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssignmentQueues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    Strategy = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadSource = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeadRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MatchSkill = table.Column<bool>(type: "INTEGER", nullable: false),
                    MatchLanguage = table.Column<bool>(type: "INTEGER", nullable: false),
                    MatchRegion = table.Column<bool>(type: "INTEGER", nullable: false),
                    TargetUtilization = table.Column<double>(type: "REAL", nullable: false),
                    MaxOpenLeadsPerRep = table.Column<int>(type: "INTEGER", nullable: true),
                    EffortHoursPerLead = table.Column<double>(type: "REAL", nullable: false),
                    AutoRoute = table.Column<bool>(type: "INTEGER", nullable: false),
                    Weights = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentQueues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssignmentQueues_Organizations_OrgId",
                        column: x => x.OrgId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssignmentQueues_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentQueues_OrgId_Name",
                table: "AssignmentQueues",
                columns: new[] { "OrgId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentQueues_OrgId_TeamId",
                table: "AssignmentQueues",
                columns: new[] { "OrgId", "TeamId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssignmentQueues");
        }
    }
}
