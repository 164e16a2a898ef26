using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Headroom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DealStageHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DealStageChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DealId = table.Column<long>(type: "bigint", nullable: false),
                    FromStageId = table.Column<long>(type: "bigint", nullable: true),
                    ToStageId = table.Column<long>(type: "bigint", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealStageChanges_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DealStageChanges_Organizations_OrgId",
                        column: x => x.OrgId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DealStageChanges_PipelineStages_FromStageId",
                        column: x => x.FromStageId,
                        principalTable: "PipelineStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DealStageChanges_PipelineStages_ToStageId",
                        column: x => x.ToStageId,
                        principalTable: "PipelineStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChanges_OrgId_DealId_ChangedUtc",
                table: "DealStageChanges",
                columns: new[] { "OrgId", "DealId", "ChangedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChanges_OrgId_FromStageId",
                table: "DealStageChanges",
                columns: new[] { "OrgId", "FromStageId" },
                filter: "\"FromStageId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChanges_OrgId_ToStageId",
                table: "DealStageChanges",
                columns: new[] { "OrgId", "ToStageId" });
            // Deals made before the history existed start it with the stage they are in now.
            migrationBuilder.Sql("""
                INSERT INTO "DealStageChanges" ("DealId", "FromStageId", "ToStageId", "ChangedUtc", "OrgId", "CreatedUtc", "UpdatedUtc")
                SELECT "Id", NULL, "StageId", "CreatedUtc", "OrgId", "CreatedUtc", "CreatedUtc" FROM "Deals"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DealStageChanges");
        }
    }
}
