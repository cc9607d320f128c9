using System.ComponentModel.DataAnnotations;
using PolicyTracker.Core.Extraction;

namespace PolicyTracker.Web.Options;

/// <summary>How claims are extracted.</summary>
public sealed class ExtractionOptions
{
    public const string SectionName = "Extraction";

    /// <summary>The highest threshold accepted: any value above 1 already makes every claim a suggestion.</summary>
    public const double MaxSuggestionThreshold = 2;

    /// <summary>
    /// A topic catalog to use instead of the built-in one (<c>catalog/topics.json</c> in the app folder), so an
    /// admin can add topics and patterns without a new build. Relative to the current directory unless rooted.
    /// </summary>
    public string? CatalogPath { get; set; }

    /// <summary>
    /// A claim the extractor is less sure of than this (its confidence, 0 to 1) is stored as a suggestion for editors
    /// to accept or reject. 0 makes no claim a suggestion; a value above 1 makes every claim one, for a team that
    /// wants each claim confirmed by hand. It applies when a source is ingested.
    /// </summary>
    [Range(0.0, MaxSuggestionThreshold)]
    public double SuggestionThreshold { get; set; } = Confidence.DefaultThreshold;
}
