using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PolicyTracker.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Versions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Claims",
                table: "SourceVersions",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "FileName",
                table: "SourceVersions",
                type: "character varying(260)",
                maxLength: 260,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "SourceVersions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<long>(
                name: "ObservedAt",
                table: "SourceVersions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatedDate",
                table: "SourceVersions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "SourceVersions",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "SourceVersions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "PreviousQuote",
                table: "Claims",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "SourceChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceId = table.Column<long>(type: "bigint", nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    FromVersion = table.Column<int>(type: "integer", nullable: true),
                    ToVersion = table.Column<int>(type: "integer", nullable: false),
                    FromObserved = table.Column<long>(type: "bigint", nullable: true),
                    ToObserved = table.Column<long>(type: "bigint", nullable: false),
                    FromValue = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    ToValue = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    FromQuote = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ToQuote = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    FromStart = table.Column<int>(type: "integer", nullable: true),
                    FromEnd = table.Column<int>(type: "integer", nullable: true),
                    ToStart = table.Column<int>(type: "integer", nullable: true),
                    ToEnd = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourceChanges_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SourceChanges_SourceId",
                table: "SourceChanges",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceChanges_Subject_ToObserved",
                table: "SourceChanges",
                columns: new[] { "Subject", "ToObserved" });

            migrationBuilder.CreateIndex(
                name: "IX_SourceChanges_ToObserved_Id",
                table: "SourceChanges",
                columns: new[] { "ToObserved", "Id" });

            // Versions stored before this kept only their hash: each was observed when it was ingested (in the converter's
            // form, UTC ticks / 1000 shifted past an 11-bit offset of 0), and the current one is the source's text.
            migrationBuilder.Sql("""
                UPDATE "SourceVersions" SET "ObservedAt" = CAST((EXTRACT(EPOCH FROM "IngestedAt") + 62135596800) * 10000 AS bigint) * 2048;
                UPDATE "SourceVersions" AS v SET "FileName" = s."FileName" FROM "Sources" AS s WHERE s."Id" = v."SourceId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SourceChanges");

            migrationBuilder.DropColumn(
                name: "Claims",
                table: "SourceVersions");

            migrationBuilder.DropColumn(
                name: "FileName",
                table: "SourceVersions");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "SourceVersions");

            migrationBuilder.DropColumn(
                name: "ObservedAt",
                table: "SourceVersions");

            migrationBuilder.DropColumn(
                name: "StatedDate",
                table: "SourceVersions");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "SourceVersions");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "SourceVersions");

            migrationBuilder.DropColumn(
                name: "PreviousQuote",
                table: "Claims");
        }
    }
}
