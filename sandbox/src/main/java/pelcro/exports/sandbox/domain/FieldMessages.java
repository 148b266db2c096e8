package pelcro.exports.sandbox.domain;

import java.util.Map;

/**
 * The one table of field-validation messages, in the Core API's (Laravel's) wording (core-errors:
 * "The email field is required."), keyed by the failed schema keyword.
 *
 * <p>{@code :field} is the field name with spaces ("date from"), {@code :type} the export type,
 * {@code :limit} the schema's bound.
 */
public final class FieldMessages {
  private static final Map<String, String> BY_KEYWORD =
      Map.ofEntries(
          Map.entry("required", "The :field field is required."),
          Map.entry("enum", "The selected :field is invalid."),
          Map.entry("type.integer", "The :field must be an integer."),
          Map.entry("type.string", "The :field must be a string."),
          Map.entry("type", "The :field has the wrong type."),
          Map.entry("pattern", "The :field format is invalid."),
          Map.entry("format.date", "The :field is not a valid date (YYYY-MM-DD)."),
          Map.entry("format.email", "The :field must be a valid email address."),
          Map.entry("format", "The :field format is invalid."),
          // Names the forms taken, never calls the value "not ISO 8601": a week date or a basic
          // format is ISO 8601 and still refused (spec x-decision of ExportDate).
          Map.entry(
              "oneOf",
              "The :field must be Unix seconds or a date-time such as"
                  + " 2024-01-01T00:00:00Z (RFC 3339, years 1970 to 4999)."),
          Map.entry("date", "The :field is not a valid date."),
          Map.entry("minimum", "The :field must be at least :limit."),
          Map.entry("maximum", "The :field must not be greater than :limit."),
          Map.entry("minLength", "The :field must be at least :limit characters."),
          Map.entry("maxLength", "The :field must not be greater than :limit characters."),
          Map.entry("additionalProperties", "The :field field is not allowed for :type exports."),
          Map.entry("object", "The body must be a JSON object."));

  /** Field-specific wording that replaces the generic one (request-export: lowercase currency). */
  private static final Map<String, String> BY_FIELD_AND_KEYWORD =
      Map.of(
          "currency.pattern", "The currency must be a lowercase 3-letter code.",
          "country.pattern", "The country must be a 2-letter ISO code.",
          "object.enum", "The selected object is invalid.");

  private FieldMessages() {}

  /**
   * The message for {@code field} failing {@code keyword} (e.g. {@code required}, {@code
   * type.integer}, {@code format.date}); falls back from the specific to the generic key.
   */
  public static String of(String keyword, String field, String exportType, Object limit) {
    String template = BY_FIELD_AND_KEYWORD.get(field + "." + keyword);
    String key = keyword;
    while (template == null) {
      template = BY_KEYWORD.get(key);
      int dot = key.lastIndexOf('.');
      if (template == null && dot < 0) {
        template = "The :field is invalid.";
      }
      key = dot < 0 ? key : key.substring(0, dot);
    }
    return template
        .replace(":field", field.replace('_', ' '))
        .replace(":type", String.valueOf(exportType))
        .replace(":limit", String.valueOf(limit));
  }
}
