using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Headroom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssignmentLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssignmentLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorMemberId = table.Column<long>(type: "bigint", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ItemKind = table.Column<int>(type: "integer", nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    ItemLabel = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FromMemberId = table.Column<long>(type: "bigint", nullable: true),
                    ToMemberId = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssignmentLog_Organizations_OrgId",
                        column: x => x.OrgId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentLog_OrgId_AtUtc",
                table: "AssignmentLog",
                columns: new[] { "OrgId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentLog_OrgId_BatchId",
                table: "AssignmentLog",
                columns: new[] { "OrgId", "BatchId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentLog_OrgId_FromMemberId_AtUtc",
                table: "AssignmentLog",
                columns: new[] { "OrgId", "FromMemberId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentLog_OrgId_ItemKind_ItemId",
                table: "AssignmentLog",
                columns: new[] { "OrgId", "ItemKind", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentLog_OrgId_ToMemberId_AtUtc",
                table: "AssignmentLog",
                columns: new[] { "OrgId", "ToMemberId", "AtUtc" });

            migrationBuilder.Sql(Headroom.Assignment.AssignmentLogTriggers.PostgresUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Headroom.Assignment.AssignmentLogTriggers.PostgresDown);
            migrationBuilder.DropTable(
                name: "AssignmentLog");
        }
    }
}
