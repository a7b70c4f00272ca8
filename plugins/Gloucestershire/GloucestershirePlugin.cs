using ContentApi.Content;

namespace ContentApi.Plugins.Gloucestershire;

/// <summary>Gloucestershire Constabulary's local contacts and guidance: the example of a force adding its own plugin.</summary>
public sealed class GloucestershirePlugin : ContentFilesPlugin;
