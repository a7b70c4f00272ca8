using System.Diagnostics.CodeAnalysis;

namespace ContentApi.Host.Features.Topics;

/// <summary>A topic.</summary>
public sealed record TopicResource : ItemResource
{
    [SetsRequiredMembers]
    internal TopicResource(Entry<Topic> e, ResourceContext context)
        : base(e.Item, PluginIdentity.Of(e.Plugin), context)
    {
        Name = e.Item.Name;
        Description = e.Item.Description;
    }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>One plain sentence about the topic.</summary>
    public string? Description { get; init; }
}
