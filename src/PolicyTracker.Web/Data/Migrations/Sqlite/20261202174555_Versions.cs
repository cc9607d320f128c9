using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FileName",
                table: "SourceVersions",
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "SourceVersions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ObservedAt",
                table: "SourceVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatedDate",
                table: "SourceVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "SourceVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "SourceVersions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousQuote",
                table: "Claims",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SourceChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    ToVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    FromObserved = table.Column<long>(type: "INTEGER", nullable: true),
                    ToObserved = table.Column<long>(type: "INTEGER", nullable: false),
                    FromValue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ToValue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FromQuote = table.Column<string>(type: "TEXT", nullable: true),
                    ToQuote = table.Column<string>(type: "TEXT", nullable: true),
                    FromStart = table.Column<int>(type: "INTEGER", nullable: true),
                    FromEnd = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStart = table.Column<int>(type: "INTEGER", nullable: true),
                    ToEnd = table.Column<int>(type: "INTEGER", nullable: true)
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
                UPDATE "SourceVersions" SET "ObservedAt" = CAST((julianday("IngestedAt") - 1721425.5) * 864000000 AS INTEGER) * 2048;
                UPDATE "SourceVersions" SET "FileName" = (SELECT s."FileName" FROM "Sources" AS s WHERE s."Id" = "SourceVersions"."SourceId");
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
