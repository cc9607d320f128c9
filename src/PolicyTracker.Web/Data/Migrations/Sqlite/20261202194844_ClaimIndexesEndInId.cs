using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimIndexesEndInId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_Scope",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Status",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Subject_Topic_Scope_Value",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Topic_Scope_Value",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Value",
                table: "Claims");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Scope_Id",
                table: "Claims",
                columns: new[] { "Scope", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Status_Id",
                table: "Claims",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Subject_Topic_Scope_Value_Id",
                table: "Claims",
                columns: new[] { "Subject", "Topic", "Scope", "Value", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Topic_Scope_Value_Id",
                table: "Claims",
                columns: new[] { "Topic", "Scope", "Value", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Value_Id",
                table: "Claims",
                columns: new[] { "Value", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_Scope_Id",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Status_Id",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Subject_Topic_Scope_Value_Id",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Topic_Scope_Value_Id",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Value_Id",
                table: "Claims");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Scope",
                table: "Claims",
                column: "Scope");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Status",
                table: "Claims",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Subject_Topic_Scope_Value",
                table: "Claims",
                columns: new[] { "Subject", "Topic", "Scope", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Topic_Scope_Value",
                table: "Claims",
                columns: new[] { "Topic", "Scope", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Value",
                table: "Claims",
                column: "Value");
        }
    }
}
