using ContentApi.Content;

namespace ContentApi.Plugins.Guidance;

/// <summary>National guidance articles and topics, authored as Markdown files in <c>content/</c>.</summary>
public sealed class GuidancePlugin : ContentFilesPlugin;
