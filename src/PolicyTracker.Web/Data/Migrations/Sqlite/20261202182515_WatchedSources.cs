using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WatchedSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WatchedSources",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    IntervalSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LastFetchAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LastStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    NextFetchAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LastModified = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchedSources", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WatchedSources_Name",
                table: "WatchedSources",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WatchedSources_NextFetchAt",
                table: "WatchedSources",
                column: "NextFetchAt");

            migrationBuilder.CreateIndex(
                name: "IX_WatchedSources_Url",
                table: "WatchedSources",
                column: "Url",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WatchedSources");
        }
    }
}
