using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyTracker.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_SourceId",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Subject_Topic",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Topic",
                table: "Claims");

            migrationBuilder.CreateIndex(
                name: "IX_Sources_FileName_Title",
                table: "Sources",
                columns: new[] { "FileName", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Kind",
                table: "Sources",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Scope",
                table: "Claims",
                column: "Scope");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_SourceId_Start",
                table: "Claims",
                columns: new[] { "SourceId", "Start" });

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

            // Full-text search over quotes: an external-content FTS5 table reads Quote from Claims and
            // triggers keep its index in step with every insert, delete and update, ingests included.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ClaimsFts USING fts5(Quote, content='Claims', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("""
                CREATE TRIGGER Claims_FtsInsert AFTER INSERT ON Claims BEGIN
                    INSERT INTO ClaimsFts(rowid, Quote) VALUES (new.Id, new.Quote);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Claims_FtsDelete AFTER DELETE ON Claims BEGIN
                    INSERT INTO ClaimsFts(ClaimsFts, rowid, Quote) VALUES ('delete', old.Id, old.Quote);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Claims_FtsUpdate AFTER UPDATE OF Quote ON Claims BEGIN
                    INSERT INTO ClaimsFts(ClaimsFts, rowid, Quote) VALUES ('delete', old.Id, old.Quote);
                    INSERT INTO ClaimsFts(rowid, Quote) VALUES (new.Id, new.Quote);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO ClaimsFts(ClaimsFts) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Claims_FtsUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Claims_FtsDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Claims_FtsInsert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ClaimsFts;");


            migrationBuilder.DropIndex(
                name: "IX_Sources_FileName_Title",
                table: "Sources");

            migrationBuilder.DropIndex(
                name: "IX_Sources_Kind",
                table: "Sources");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Scope",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_SourceId_Start",
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
                name: "IX_Claims_SourceId",
                table: "Claims",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Subject_Topic",
                table: "Claims",
                columns: new[] { "Subject", "Topic" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Topic",
                table: "Claims",
                column: "Topic");
        }
    }
}
