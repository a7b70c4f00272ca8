using System.Globalization;
using ContentApi.Abstractions;

namespace ContentApi.Cli.Commands;

/// <summary>The files of a new force content pack. Every fact in them is a national 101 fact or the force's own directory entry.</summary>
internal static class PackFiles
{
    public static IEnumerable<(string Name, string Text)> For(PoliceForce force, DateOnly today)
    {
        var reviewed = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var due = today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var website = force.Website?.ToString() ?? "https://www.police.uk/";
        yield return ("plugin.yaml", $"""
            # The pack's manifest. The id ends in -pack so it never clashes with a code plugin for the same force
            # (the plugin template's ids end in -plugin).
            id: {force.Id}-pack
            name: "{force.Name} content pack"
            version: 1.0.0
            publisher: "{force.Name}"
            contractVersion: "{ContractVersion.Current.Major}.{ContractVersion.Current.Minor}"
            forceId: {force.Id}
            description: "Local contacts from {force.Name}."
            """);
        yield return ("content/contacts.yaml", $"""
            {NewPackCommand.SchemaLinePrefix}{SchemaFiles.RelativePath(SchemaFiles.Items, depth: 1)}
            # {force.Name}'s own contacts. {force.Id}-101 replaces the national police-101 contact for this force only.
            # Check every fact with the force before you publish, then set verification.status to verified.
            items:
              - kind: contact
                id: {force.Id}-101
                overrides: police-101
                name: "{force.Name} (101)"
                organisation: "{force.Name}"
                description: >-
                  Call 101 to talk to {force.Name} when nobody is in immediate danger. If someone is in danger right
                  now, call 999 instead. If you use a textphone, call 18001 101.
                whoFor: "Anyone in the {force.Name} area who needs the police when it is not an emergency."
                audiences: [parents-carers, young-people, professionals]
                category: local
                channels:
                  - type: phone
                    value: "101"
                    label: "Call 101"
                    hours: {"{"} alwaysOpen: true {"}"}
                  - type: textphone
                    value: "18001 101"
                    label: "Textphone"
                    hours: {"{"} alwaysOpen: true {"}"}
                  - type: web
                    value: "{website}"
                    label: "{force.Name} website"
                verification:
                  status: unverified
                  lastVerified: {reviewed}
                  note: "Written by contentapi new-pack from the national 101 facts. Check with the force before relying on it."
                source:
                  publisher: "{force.Name}"
                  url: "{website}"
                review:
                  lastReviewed: {reviewed}
                  nextReviewDue: {due}
                  owner: "{force.Name}"
            """);
    }
}
