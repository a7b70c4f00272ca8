using System.Globalization;
using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>The id, source and review every item needs before it can be built.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="Source">Where its facts come from.</param>
/// <param name="Review">Its review dates.</param>
public sealed record CommonFields(string Id, SourceReference Source, ReviewInfo Review);

/// <summary>
/// Parses the fields of one document into contract values, recording every problem (with the field's file, line and
/// column) instead of stopping at the first. A kind's <c>Build</c> uses it for its own fields.
/// </summary>
public sealed class ItemFields
{
    private readonly List<ContentProblem> _problems;
    private readonly FieldPlaces _places;
    private readonly string? _id;

    internal ItemFields(ItemDocument document, List<ContentProblem> problems)
    {
        _problems = problems;
        _places = document.Places;
        _id = document.Id;
    }

    /// <summary>Records a problem with a field, at the field's place in the file.</summary>
    /// <param name="field">The field, for example <c>channels[0].value</c>.</param>
    /// <param name="message">What is wrong, in plain words.</param>
    public void Problem(string field, string message)
    {
        var place = _places.Of(field).ToString();
        _problems.Add(new ContentProblem(_id is null ? place : $"{place} ({_id})", $"{field}: {message}"));
    }

    /// <summary>Trimmed text, or a problem when it is missing.</summary>
    /// <param name="value">The field's value.</param>
    /// <param name="field">The field's name.</param>
    /// <returns>The text, or empty when missing.</returns>
    public string Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(field, "is required");
            return string.Empty;
        }

        return value.Trim();
    }

    /// <summary>A word from an enum's kebab-case names, or a problem naming the words allowed.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="text">The field's value.</param>
    /// <param name="field">The field's name.</param>
    /// <param name="fallback">The value when absent (or wrong).</param>
    /// <param name="required">Whether absence is a problem.</param>
    /// <returns>The value.</returns>
    public TEnum Enum<TEnum>(string? text, string field, TEnum fallback, bool required = false)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Problem(field, "is required");
            }

            return fallback;
        }

        if (EnumText.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        Problem(field, $"'{text}' is not one of {string.Join(", ", EnumText.Names<TEnum>())}");
        return fallback;
    }

    /// <summary>Each word of a list parsed as <see cref="Enum{TEnum}"/>, without repeats.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="texts">The list, or null.</param>
    /// <param name="field">The list's name.</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<TEnum> Enums<TEnum>(IEnumerable<string>? texts, string field)
        where TEnum : struct, Enum =>
        (texts ?? []).Select((text, i) => Enum<TEnum>(text, $"{field}[{i}]", default)).Distinct().ToList();

    /// <summary>A YYYY-MM-DD date, or a problem.</summary>
    /// <param name="value">The field's value.</param>
    /// <param name="field">The field's name.</param>
    /// <returns>The date, or default when missing or wrong.</returns>
    public DateOnly RequiredDate(string? value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Fail<DateOnly>(field, value is null ? "is required (YYYY-MM-DD)" : $"'{value}' is not a date (YYYY-MM-DD)");

    /// <summary>An absolute address, or a problem.</summary>
    /// <param name="value">The field's value.</param>
    /// <param name="field">The field's name.</param>
    /// <returns>The address.</returns>
    public Uri RequiredUri(string? value, string field) =>
        OptionalUri(value, field) ?? Fail<Uri>(field, "is required (an absolute https address)")!;

    /// <summary>An absolute address when given; a problem when it is not one.</summary>
    /// <param name="value">The field's value.</param>
    /// <param name="field">The field's name.</param>
    /// <returns>The address, or null.</returns>
    public Uri? OptionalUri(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) ? uri : Fail<Uri>(field, $"'{value}' is not an absolute address");
    }

    /// <summary>Records a problem and returns the default value, for use in expressions.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="field">The field's name.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The default.</returns>
    public T? Fail<T>(string field, string message)
    {
        Problem(field, message);
        return default;
    }

    internal CommonFields? Common(ItemDocument d)
    {
        var id = Required(d.Id, "id");
        var source = d.Source is null
            ? Fail<SourceReference>("source", "is required ({ publisher, url })")
            : new SourceReference(Required(d.Source.Publisher, "source.publisher"), RequiredUri(d.Source.Url, "source.url"));
        var review = d.Review is null
            ? Fail<ReviewInfo>("review", "is required ({ lastReviewed, nextReviewDue, owner })")
            : new ReviewInfo(RequiredDate(d.Review.LastReviewed, "review.lastReviewed"), RequiredDate(d.Review.NextReviewDue, "review.nextReviewDue"), d.Review.Owner);
        return source is null || review is null ? null : new CommonFields(id, source, review);
    }

    // Fields shared by every kind are applied in one place so each kind's Build lists only what is its own.
    internal T ApplyCommon<T>(T item, ItemDocument d)
        where T : ContentItem => item with
        {
            Locale = string.IsNullOrWhiteSpace(d.Locale) ? ContentItem.DefaultLocale : d.Locale.Trim(),
            Audiences = Enums<Audience>(d.Audiences, "audiences"),
            AgeRange = AgeRangeOf(d.AgeRange),
            Topics = d.Topics ?? [],
            ForceId = d.ForceId,
            Overrides = d.Overrides,
            DisplayVerbatim = d.DisplayVerbatim ?? false,
            TranslationStatus = Enum(d.TranslationStatus, "translationStatus", TranslationStatus.Reviewed),
            Translation = TranslationOf(d),
            Origin = _places.Item.ToString(),
            Updated = Timestamp(d.Updated, "updated"),
            FirstPublished = d.FirstPublished is null ? null : RequiredDate(d.FirstPublished, "firstPublished"),
            Status = Enum(d.Status, "status", ContentStatus.Published),
            Withdrawal = d.Withdrawal is null ? null : new WithdrawalNotice(
                RequiredDate(d.Withdrawal.On, "withdrawal.on"), Required(d.Withdrawal.Reason, "withdrawal.reason"), d.Withdrawal.ReplacedBy),
            Licence = d.Licence is null
                ? ContentLicence.OpenGovernmentLicence3
                : new ContentLicence(Required(d.Licence.Name, "licence.name"), RequiredUri(d.Licence.Url, "licence.url")),
            Attribution = d.Attribution?.Trim(),
        };

    private TranslationRecord? TranslationOf(ItemDocument d)
    {
        if (d.Translation is not { } translation)
        {
            return null;
        }

        if (TranslationInheritance.IsDefaultLocale(d.Locale))
        {
            return Fail<TranslationRecord>("translation", $"only a translation (an item in a locale other than {ContentItem.DefaultLocale}) has a translation record");
        }

        return new TranslationRecord(
            translation.Translator?.Trim(),
            translation.Translated is null ? null : RequiredDate(translation.Translated, "translation.translated"),
            translation.Reviewer?.Trim(),
            translation.Reviewed is null ? null : RequiredDate(translation.Reviewed, "translation.reviewed"));
    }

    private AgeRange? AgeRangeOf(AgeRangeDocument? range)
    {
        if (range is null)
        {
            return null;
        }

        if (range.Min is not { } min || range.Max is not { } maxText)
        {
            return Fail<AgeRange>("ageRange", "needs both min and max");
        }

        if (string.Equals(maxText.Trim(), "adult", StringComparison.OrdinalIgnoreCase))
        {
            return new AgeRange(min, AgeRange.Adult);
        }

        return int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            ? new AgeRange(min, max)
            : Fail<AgeRange>("ageRange.max", $"'{maxText}' is not a whole number of years or adult (every age over {AgeRange.MaximumAge})");
    }

    // A date alone means the start of that day in UTC, so "updated: 2027-01-10" needs no time of day.
    private DateTimeOffset? Timestamp(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
            ? timestamp.ToUniversalTime()
            : Fail<DateTimeOffset?>(field, $"'{value}' is not a date (YYYY-MM-DD) or a UTC timestamp (YYYY-MM-DDThh:mm:ssZ)");
    }
}
