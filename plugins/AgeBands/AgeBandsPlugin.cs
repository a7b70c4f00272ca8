using ContentApi.Content;

namespace ContentApi.Plugins.AgeBands;

/// <summary>Age bands and age-band advice, authored as YAML files in <c>content/</c>.</summary>
public sealed class AgeBandsPlugin : ContentFilesPlugin;
