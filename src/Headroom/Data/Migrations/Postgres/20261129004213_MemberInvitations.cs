using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Headroom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MemberInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "InvitationExpiresUtc",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "InvitationHash",
                table: "AspNetUsers",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrgId_InvitationHash",
                table: "AspNetUsers",
                columns: new[] { "OrgId", "InvitationHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrgId_InvitationHash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "InvitationExpiresUtc",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "InvitationHash",
                table: "AspNetUsers");
        }
    }
}
