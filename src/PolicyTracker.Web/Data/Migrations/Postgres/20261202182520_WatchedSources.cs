using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PolicyTracker.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false, collation: "C"),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false, collation: "C"),
                    IntervalSeconds = table.Column<long>(type: "bigint", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastFetchAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    NextFetchAt = table.Column<long>(type: "bigint", nullable: false),
                    ETag = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    LastModified = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    LeaseUntil = table.Column<long>(type: "bigint", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C")
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
