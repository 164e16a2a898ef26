using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headroom.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorMemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ItemKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemLabel = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FromMemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    ToMemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            migrationBuilder.Sql(Headroom.Assignment.AssignmentLogTriggers.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Headroom.Assignment.AssignmentLogTriggers.SqliteDown);
            migrationBuilder.DropTable(
                name: "AssignmentLog");
        }
    }
}
