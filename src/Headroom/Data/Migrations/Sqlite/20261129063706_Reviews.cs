using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headroom.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewCycles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamIds = table.Column<string>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCycles", x => x.Id);
                    table.CheckConstraint("CK_ReviewCycles_Period", "\"PeriodEnd\" >= \"PeriodStart\"");
                    table.ForeignKey(
                        name: "FK_ReviewCycles_Members_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewCycles_Organizations_OrgId",
                        column: x => x.OrgId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScorecardTemplates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScorecardTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScorecardTemplates_Organizations_OrgId",
                        column: x => x.OrgId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfReview = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SelfRatings = table.Column<string>(type: "TEXT", nullable: false),
                    SelfSubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ManagerRatings = table.Column<string>(type: "TEXT", nullable: false),
                    ManagerComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewerId = table.Column<long>(type: "INTEGER", nullable: true),
                    ManagerSubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Kpis = table.Column<string>(type: "TEXT", nullable: false),
                    KpiScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    CompetencyScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    OverallScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    CalibratedScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    CalibrationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CalibratedById = table.Column<long>(type: "INTEGER", nullable: true),
                    CalibratedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_Members_CalibratedById",
                        column: x => x.CalibratedById,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reviews_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reviews_Members_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reviews_Organizations_OrgId",
                        column: x => x.OrgId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reviews_ReviewCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "ReviewCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImprovementPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewId = table.Column<long>(type: "INTEGER", nullable: true),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementPlans_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementPlans_Organizations_OrgId",
                        column: x => x.OrgId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementPlans_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementPlans_OrgId_MemberId",
                table: "ImprovementPlans",
                columns: new[] { "OrgId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementPlans_OrgId_ReviewId",
                table: "ImprovementPlans",
                columns: new[] { "OrgId", "ReviewId" },
                filter: "\"ReviewId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCycles_OrgId_CreatedById",
                table: "ReviewCycles",
                columns: new[] { "OrgId", "CreatedById" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCycles_OrgId_PeriodStart",
                table: "ReviewCycles",
                columns: new[] { "OrgId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_OrgId_CalibratedById",
                table: "Reviews",
                columns: new[] { "OrgId", "CalibratedById" },
                filter: "\"CalibratedById\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_OrgId_CycleId_MemberId",
                table: "Reviews",
                columns: new[] { "OrgId", "CycleId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_OrgId_MemberId",
                table: "Reviews",
                columns: new[] { "OrgId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_OrgId_ReviewerId",
                table: "Reviews",
                columns: new[] { "OrgId", "ReviewerId" },
                filter: "\"ReviewerId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardTemplates_OrgId",
                table: "ScorecardTemplates",
                column: "OrgId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImprovementPlans");

            migrationBuilder.DropTable(
                name: "ScorecardTemplates");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "ReviewCycles");
        }
    }
}
