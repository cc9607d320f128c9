using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Suggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Confidence",
                table: "Claims",
                type: "double precision",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<string>(
                name: "Cues",
                table: "Claims",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Suggestion",
                table: "Claims",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None",
                collation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Pending",
                table: "Claims",
                column: "Id",
                filter: "\"Suggestion\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Rejected",
                table: "Claims",
                column: "Id",
                filter: "\"Suggestion\" = 'Rejected'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_Pending",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Rejected",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "Confidence",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "Cues",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "Suggestion",
                table: "Claims");
        }
    }
}
