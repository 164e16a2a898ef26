using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Headroom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeaveCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CoverMemberId",
                table: "FollowUps",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaveCoverId",
                table: "FollowUps",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LeaveCovers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    TimeOffId = table.Column<long>(type: "bigint", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedByMemberId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReturnedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaveCovers", x => x.Id);
                    table.CheckConstraint("CK_LeaveCovers_Range", "\"EndDate\" >= \"StartDate\"");
                    table.ForeignKey(
                        name: "FK_LeaveCovers_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeaveCovers_Organizations_OrgId",
                        column: x => x.OrgId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeaveCovers_TimeOffs_TimeOffId",
                        column: x => x.TimeOffId,
                        principalTable: "TimeOffs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LeaveCoverLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LeaveCoverId = table.Column<long>(type: "bigint", nullable: false),
                    FollowUpId = table.Column<long>(type: "bigint", nullable: false),
                    CoverMemberId = table.Column<long>(type: "bigint", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaveCoverLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeaveCoverLines_FollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "FollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LeaveCoverLines_LeaveCovers_LeaveCoverId",
                        column: x => x.LeaveCoverId,
                        principalTable: "LeaveCovers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LeaveCoverLines_Members_CoverMemberId",
                        column: x => x.CoverMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeaveCoverLines_Organizations_OrgId",
                        column: x => x.OrgId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OrgId_CoverMemberId",
                table: "FollowUps",
                columns: new[] { "OrgId", "CoverMemberId" },
                filter: "\"CoverMemberId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OrgId_LeaveCoverId",
                table: "FollowUps",
                columns: new[] { "OrgId", "LeaveCoverId" },
                filter: "\"LeaveCoverId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LeaveCoverLines_OrgId_CoverMemberId",
                table: "LeaveCoverLines",
                columns: new[] { "OrgId", "CoverMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveCoverLines_OrgId_FollowUpId",
                table: "LeaveCoverLines",
                columns: new[] { "OrgId", "FollowUpId" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveCoverLines_OrgId_LeaveCoverId",
                table: "LeaveCoverLines",
                columns: new[] { "OrgId", "LeaveCoverId" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveCovers_OrgId_MemberId",
                table: "LeaveCovers",
                columns: new[] { "OrgId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveCovers_OrgId_ReturnedUtc_EndDate",
                table: "LeaveCovers",
                columns: new[] { "OrgId", "ReturnedUtc", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveCovers_OrgId_TimeOffId",
                table: "LeaveCovers",
                columns: new[] { "OrgId", "TimeOffId" },
                filter: "\"TimeOffId\" IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_LeaveCovers_LeaveCoverId",
                table: "FollowUps",
                column: "LeaveCoverId",
                principalTable: "LeaveCovers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_Members_CoverMemberId",
                table: "FollowUps",
                column: "CoverMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_LeaveCovers_LeaveCoverId",
                table: "FollowUps");

            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_Members_CoverMemberId",
                table: "FollowUps");

            migrationBuilder.DropTable(
                name: "LeaveCoverLines");

            migrationBuilder.DropTable(
                name: "LeaveCovers");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_OrgId_CoverMemberId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_OrgId_LeaveCoverId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "CoverMemberId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "LeaveCoverId",
                table: "FollowUps");
        }
    }
}
